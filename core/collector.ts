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

/** Implemented by each cloud's provider; the only code that calls cloud APIs. */
export interface Collector {
  collect(target: Target): Promise<TargetCollection>;
}
