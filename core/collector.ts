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

/** Implemented by each cloud's provider; the only code that calls cloud APIs. */
export interface Collector {
  collect(target: Target, progress?: CollectProgress): Promise<TargetCollection>;
}
