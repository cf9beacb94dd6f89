import type { AksCheck, EvalContext, Outcome } from '../../core/check';
import { defaultAuditConfig } from '../../core/config';
import type { AksCluster, AksParts, AksSnapshot } from '../../core/snapshot-aks';
import { canonicalManagedCluster } from '../../providers/azure/aks-canonical';
import { exportParts } from '../../providers/azure/aks-export';
import { aksRef } from '../../providers/azure/aks-ref';
import { fixture } from '../fixture';

/** ARM REST JSON of the spec's `ManagedClustersGet` example (`clustername1`, public, kubenet). */
export function armClusterExample(): Record<string, unknown> {
  return fixture('azure/aks/managed-cluster-get.json');
}

/** The same cluster as `az aks show` prints it. */
export function azClusterExample(): Record<string, unknown> {
  return fixture('azure/aks/az-aks-show.json');
}

/** The SDK marks server-set fields readonly; tests build variants by writing them. */
type DeepMutable<T> = T extends readonly (infer U)[]
  ? DeepMutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
    : T;
export type MutableCluster = DeepMutable<AksCluster>;

/** The ManagedClustersGet example in the canonical shape; `change` edits a fresh copy. */
export function aksCluster(change: (c: MutableCluster) => void = () => {}): AksCluster {
  const cluster = canonicalManagedCluster(armClusterExample()) as MutableCluster;
  change(cluster);
  return cluster as AksCluster;
}

/** A canonical cluster from an ARM example fixture under `azure/aks/`. */
export function aksFixtureCluster(file: string): AksCluster {
  return canonicalManagedCluster(fixture(`azure/aks/${file}`));
}

/** A snapshot of `cluster`, with parts not collected unless given. */
export function aksSnapshot(
  cluster: AksCluster = aksCluster(),
  parts: Partial<AksParts> = {},
): AksSnapshot {
  return {
    provider: 'aks',
    ref: aksRef(cluster),
    source: { kind: 'export', file: 'test', format: 'azure-aks-managed-cluster-arm' },
    cluster,
    parts: { ...exportParts(), ...parts },
  };
}

/** A context at a fixed date with the default configuration (changed by `change`). */
export function aksContext(
  now = '2026-11-28T00:00:00Z',
  change: (c: EvalContext['config']) => void = () => {},
): EvalContext {
  const config = defaultAuditConfig();
  change(config);
  return { now: new Date(now), config };
}

export function evaluateAks(check: AksCheck, snapshot: AksSnapshot, ctx = aksContext()): Outcome[] {
  const out = check.evaluate(snapshot, ctx);
  return Array.isArray(out) ? out : [out];
}

/** Runs a check that yields exactly one outcome. */
export function evaluateAksOne(
  check: AksCheck,
  snapshot: AksSnapshot,
  ctx = aksContext(),
): Outcome {
  const [only, ...rest] = evaluateAks(check, snapshot, ctx);
  if (!only || rest.length > 0) throw new Error(`expected one outcome from ${check.meta.id}`);
  return only;
}

/** Status of a single-outcome check on a cluster built by `change`. */
export function statusOf(
  check: AksCheck,
  change: (c: MutableCluster) => void = () => {},
  parts: Partial<AksParts> = {},
): Outcome['status'] {
  return evaluateAksOne(check, aksSnapshot(aksCluster(change), parts)).status;
}
