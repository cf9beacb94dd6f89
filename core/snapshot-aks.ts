import type { Part, SnapshotBase } from './snapshot';

/** AKS `ManagedCluster` in the canonical spelling. Refined by the AKS provider. */
export type AksCluster = Record<string, unknown>;

export type AksParts = Record<string, Part<unknown>>;

export interface AksSnapshot extends SnapshotBase {
  provider: 'aks';
  cluster: AksCluster;
  parts: AksParts;
}
