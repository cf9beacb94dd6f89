import type { Part, SnapshotBase } from './snapshot';

/** GKE v1 `Cluster` REST JSON (proto3 JSON: defaults omitted). Refined by the GKE provider. */
export type GkeCluster = Record<string, unknown>;

export type GkeParts = Record<string, Part<unknown>>;

export interface GkeSnapshot extends SnapshotBase {
  provider: 'gke';
  cluster: GkeCluster;
  parts: GkeParts;
}
