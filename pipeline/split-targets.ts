import type { ListedClusters, ScopeListing } from '../core/collector';
import { mapLimit } from '../core/map-limit';
import { scopeLabel, type Target } from '../core/target';

export type { ScopeListing };

/** Lists the clusters of one scope (an AWS account+region, a GCP project, an Azure subscription). */
export type ScopeLister = (scope: Target) => Promise<ScopeListing>;

/**
 * Default clusters per target. A target must finish well within the 15-minute Lambda limit
 * even when its calls are throttled: an EKS cluster takes ~24 calls (bench operationsPerCluster;
 * GKE ~2, AKS ~5), so 25 clusters are ~600 calls, which at a pessimistic 2 calls/s (an
 * account's quota shared with the other targets of that account, throttled calls retried with
 * backoff) is 300 s, a third of the limit. Larger targets would repeat fewer account-wide calls
 * (each part fetches the IAM role list, OIDC providers, the project's firewalls... once).
 */
export const DEFAULT_MAX_CLUSTERS_PER_TARGET = 25;

/** Scopes listed at the same time: they are in different accounts, regions or projects. */
const LISTING_CONCURRENCY = 16;

/** A target and the cluster objects to hand to its audit (stored next to it by discover). */
export interface SplitTarget {
  target: Target;
  listed?: ListedClusters;
}

/**
 * The targets of one listed scope: none when it has no cluster, one naming all of them when
 * they fit, else `ceil(n / max)` parts of nearly equal size (sorted keys, so a GKE location's or
 * an AKS resource group's clusters stay together and share their lookups).
 */
export function splitScope(
  scope: Target,
  listing: ScopeListing,
  maxPerTarget: number,
  listedAt: string,
): SplitTarget[] {
  const order = listing.keys.map((key, i) => ({ key, object: listing.objects?.[i] }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const count = Math.ceil(order.length / maxPerTarget);
  const out: SplitTarget[] = [];
  for (let index = 0, start = 0; index < count; index++) {
    const size = Math.floor(order.length / count) + (index < order.length % count ? 1 : 0);
    const chunk = order.slice(start, start + size);
    start += size;
    const target: Target = {
      ...scope,
      clusters: chunk.map((c) => c.key),
      ...(count > 1 ? { part: { index: index + 1, count } } : {}),
    };
    out.push(
      listing.objects === undefined
        ? { target }
        : { target, listed: { listedAt, clusters: chunk.map((c) => c.object) } },
    );
  }
  return out;
}

/** What listing the scopes' clusters made of them. */
export interface ListedScopes {
  targets: SplitTarget[];
  /** Scopes listed with no cluster: nothing to audit, and complete for the lifecycle. */
  emptyScopes: string[];
}

/**
 * Lists the clusters of every scope (at most `LISTING_CONCURRENCY` at a time) and splits each
 * into targets. A scope without a lister, or whose listing failed or was incomplete, stays one
 * whole-scope target: its audit lists again and records the error, so no scope is lost.
 */
export async function listAndSplit(
  scopes: readonly Target[],
  listerOf: (scope: Target) => ScopeLister | undefined,
  maxPerTarget: number,
  clock: () => Date,
  onListingError: (scope: Target, error: unknown) => void,
): Promise<ListedScopes> {
  const per = await mapLimit(scopes, LISTING_CONCURRENCY, async (scope) => {
    const lister = listerOf(scope);
    if (lister === undefined) return { whole: scope };
    try {
      const listing = await lister(scope);
      if (listing.incomplete !== undefined) return { whole: scope };
      return { split: splitScope(scope, listing, maxPerTarget, clock().toISOString()), scope };
    } catch (error) {
      onListingError(scope, error);
      return { whole: scope };
    }
  });
  const targets: SplitTarget[] = [];
  const emptyScopes: string[] = [];
  for (const r of per) {
    if ('whole' in r) targets.push({ target: r.whole });
    else if (r.split.length === 0) emptyScopes.push(scopeLabel(r.scope));
    else targets.push(...r.split);
  }
  return { targets, emptyScopes };
}
