import type { Cloud } from '../core/provider';
import type { Estate, EstateInput } from '../sandbox/estate';
import { syntheticEstate } from '../sandbox/synthetic-estate';

export interface BenchEstateOptions {
  /** Clusters in all, spread evenly over the three clouds. */
  clusters: number;
  /** Clusters per target (AWS account+region, GCP project, Azure subscription). */
  perTarget: number;
  /**
   * Clusters of one large AWS scope (the first account's `LARGE_REGION`), taken from the AWS
   * share: discover splits it into parts. 0: none.
   */
  large?: number;
}

/** The AWS regions every synthetic account uses. */
export const BENCH_REGIONS = ['us-east-1', 'eu-west-1'];
/** The region of the large scope (first account only; empty in the others). */
export const LARGE_REGION = 'us-west-2';
/** A region every account has enabled and none uses, like most regions of a real account. */
export const EMPTY_REGION = 'ap-southeast-2';

/** Clusters of each cloud: N split in three, the remainder to the first clouds. */
export function clustersPerCloud(n: number): Record<Cloud, number> {
  const base = Math.floor(n / 3);
  const rest = n - 3 * base;
  return { aws: base + (rest > 0 ? 1 : 0), gcp: base + (rest > 1 ? 1 : 0), azure: base };
}

/** Drops clusters from the end of a list of targets until `total` are left. */
function trim<T>(targets: T[][], total: number): void {
  let extra = targets.reduce((n, t) => n + t.length, 0) - total;
  for (let i = targets.length - 1; i >= 0 && extra > 0; i--) {
    const list = targets[i] as T[];
    const cut = Math.min(extra, list.length);
    list.splice(list.length - cut, cut);
    extra -= cut;
  }
}

/**
 * A synthetic estate of exactly `clusters` clusters: copies of the base estate's first cluster of
 * each cloud, `perTarget` to a target (the last target of a cloud may hold fewer).
 */
export function benchEstate(base: Estate, opts: BenchEstateOptions): EstateInput {
  const n = clustersPerCloud(opts.clusters);
  const per = opts.perTarget;
  const large = Math.min(opts.large ?? 0, Math.max(0, n.aws - 1));
  n.aws -= large;
  const awsTargets = Math.ceil(n.aws / per);
  const estate = syntheticEstate(base, {
    aws: {
      accounts: Math.max(1, Math.ceil(awsTargets / BENCH_REGIONS.length)),
      regions: BENCH_REGIONS,
      clustersPerRegion: per,
    },
    gcp: { projects: Math.max(1, Math.ceil(n.gcp / per)), clustersPerProject: per },
    azure: { subscriptions: Math.max(1, Math.ceil(n.azure / per)), clustersPerSubscription: per },
  });
  const aws = Object.values(estate.aws?.accounts ?? {}).flatMap((a) =>
    Object.values(a.regions ?? {}).map((r) => r.clusters ?? []),
  );
  trim(aws, n.aws);
  const accounts = Object.values(estate.aws?.accounts ?? {});
  if (large > 0) {
    // Generated like the others, so the first account's id and its shared objects match.
    const big = syntheticEstate(base, {
      aws: { accounts: 1, regions: [LARGE_REGION], clustersPerRegion: large },
    });
    const region = Object.values(big.aws?.accounts ?? {})[0]?.regions?.[LARGE_REGION];
    const first = accounts[0];
    if (first && region) first.regions = { ...first.regions, [LARGE_REGION]: region };
  }
  for (const account of accounts) {
    account.regions = { ...account.regions, [EMPTY_REGION]: { clusters: [] } };
  }
  trim(
    Object.values(estate.gcp?.projects ?? {}).map((p) => p.clusters ?? []),
    n.gcp,
  );
  trim(
    Object.values(estate.azure?.subscriptions ?? {}).map((s) => s.managedClusters ?? []),
    n.azure,
  );
  return estate;
}
