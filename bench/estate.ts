import type { Cloud } from '../core/provider';
import type { Estate, EstateInput } from '../sandbox/estate';
import { syntheticEstate } from '../sandbox/synthetic-estate';

export interface BenchEstateOptions {
  /** Clusters in all, spread evenly over the three clouds. */
  clusters: number;
  /** Clusters per target (AWS account+region, GCP project, Azure subscription). */
  perTarget: number;
}

/** The AWS regions every synthetic account uses. */
export const BENCH_REGIONS = ['us-east-1', 'eu-west-1'];

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
