import type { ClusterSnapshot, CollectionError } from './snapshot';
import type { Target } from './target';

/** What collecting one target produced. */
export interface TargetCollection {
  target: Target;
  snapshots: ClusterSnapshot[];
  /**
   * Failures that hid whole clusters (listing denied, a cluster that could not be described).
   * Failures of a cluster's related objects live in that cluster's snapshot parts instead.
   */
  errors: CollectionError[];
}

/** Callbacks a collector makes as it goes: the CLI's progress line on a live scan. */
export interface CollectProgress {
  /** The target's clusters were listed: this many will be collected. */
  listed(clusters: number): void;
  /** One listed cluster is finished (collected, or failed to describe). */
  clusterDone(): void;
}

/**
 * The cluster objects discover's listing returned for a target (GKE Clusters, AKS
 * ManagedClusters in ARM JSON), handed over so the audit does not list them again.
 */
export interface ListedClusters {
  /** When the listing was made (the snapshots' objects are as of then). */
  listedAt: string;
  clusters: unknown[];
}

/**
 * What one scope's cluster listing found. `keys` name the clusters as targets carry them
 * (core/target.ts); `objects`, when the list returns whole clusters (GKE, AKS), are those
 * clusters in the same order, handed to the audit so it does not list again.
 */
export interface ScopeListing {
  keys: string[];
  objects?: unknown[];
  /**
   * Why the listing may have missed clusters (GKE zones it could not reach): the scope is then
   * audited whole, so the audit lists it again and reports what it could not reach.
   */
  incomplete?: string;
}

/** Implemented by each cloud's provider; the only code that calls cloud APIs. */
export interface Collector {
  /**
   * With `target.clusters`, collects exactly those clusters (from `listed` when the listing
   * returned whole objects, else by describing each) instead of listing the scope.
   */
  collect(
    target: Target,
    progress?: CollectProgress,
    listed?: ListedClusters,
  ): Promise<TargetCollection>;
}
