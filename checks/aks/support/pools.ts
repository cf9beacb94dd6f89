import type { Evidence, Outcome, Subject } from '../../../core/check';
import { ev, unknown } from '../../../core/outcome';
import type { AksAgentPool, AksCluster } from '../../../core/snapshot-aks';

/** A sub-resource subject for one agent pool. */
export function poolSubject(pool: AksAgentPool, index: number): Subject {
  const name = pool.name ?? `pool-${index}`;
  return { type: 'agent-pool', id: name, name };
}

/** `cluster.agentPoolProfiles[i].<field>` */
export function poolPath(index: number, field: string): string {
  return `cluster.agentPoolProfiles[${index}].${field}`;
}

/**
 * The cluster's agent pools, or an `unknown` outcome: every ManagedCluster has at least one
 * (system) pool and ARM returns them all in `agentPoolProfiles`, so none means an incomplete input.
 */
export function agentPools(
  cluster: AksCluster,
  clusterName: string,
): { ok: true; pools: AksAgentPool[] } | { ok: false; outcome: Outcome } {
  const pools = cluster.agentPoolProfiles ?? [];
  if (pools.length > 0) return { ok: true, pools };
  return {
    ok: false,
    outcome: unknown(
      `Cluster ${clusterName}: the input has no agentPoolProfiles, so the node pools cannot be judged.`,
      [ev('cluster.agentPoolProfiles', cluster.agentPoolProfiles)],
    ),
  };
}

/** Evidence for one field of every pool. */
export function poolEvidence(
  pools: readonly AksAgentPool[],
  field: string,
  read: (pool: AksAgentPool) => unknown,
): Evidence[] {
  return pools.map((pool, i) => ev(poolPath(i, field), read(pool)));
}
