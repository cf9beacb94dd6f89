import type { Outcome, Subject } from '../../../core/check';
import type { AutoprovisioningNodePoolDefaults } from '../../../core/gcp-api/container-v1';
import { ev, notApplicable, unknown } from '../../../core/outcome';
import type { GkeNodeConfig, GkeNodePool, GkeSnapshot } from '../../../core/snapshot-gke';
import { isAutopilot } from './cluster';

/** One node pool of the cluster, with its evidence path. */
export interface PoolTarget {
  pool: GkeNodePool;
  /** `cluster.nodePools[2]`. */
  path: string;
  subject: Subject;
  label: string;
}

/** The defaults node auto-provisioning (and Autopilot) applies to the pools it creates. */
export interface NapTarget {
  defaults: AutoprovisioningNodePoolDefaults;
  path: string;
  subject: Subject;
  label: string;
}

export const NAP_PATH = 'cluster.autoscaling.autoprovisioningNodePoolDefaults';

/** Every node pool: `nodePools` absent means none (proto3 omits an empty list). */
export function poolTargets(snapshot: GkeSnapshot): PoolTarget[] {
  const clusterName = snapshot.ref.name;
  return (snapshot.cluster.nodePools ?? []).map((pool, i) => {
    const name = pool.name ?? `#${i}`;
    return {
      pool,
      path: `cluster.nodePools[${i}]`,
      subject: { type: 'node-pool', id: name, name },
      label: `Node pool ${name} of cluster ${clusterName}`,
    };
  });
}

/**
 * The auto-provisioning defaults, when pools are created from them: always on Autopilot, and on
 * Standard when `autoscaling.enableNodeAutoprovisioning` is true. An absent defaults message
 * means every default applies (e.g. the Compute Engine default service account).
 */
export function napTarget(snapshot: GkeSnapshot): NapTarget | undefined {
  const { cluster } = snapshot;
  const enabled = isAutopilot(cluster) || cluster.autoscaling?.enableNodeAutoprovisioning === true;
  if (!enabled) return undefined;
  return {
    defaults: cluster.autoscaling?.autoprovisioningNodePoolDefaults ?? {},
    path: NAP_PATH,
    subject: {
      type: 'autoprovisioning-defaults',
      id: 'autoprovisioning',
      name: 'auto-provisioning defaults',
    },
    label: `The node auto-provisioning defaults of cluster ${snapshot.ref.name}`,
  };
}

/**
 * A pool's `config`. Every pool the API returns has one (machine type, disk size...), so its
 * absence means an incomplete input: the result is `unknown`.
 */
export function poolConfig(
  t: PoolTarget,
): { ok: true; config: GkeNodeConfig } | { ok: false; outcome: Outcome } {
  if (t.pool.config) return { ok: true, config: t.pool.config };
  return {
    ok: false,
    outcome: unknown(
      `${t.label} has no config in the input, so it cannot be judged.`,
      [ev(`${t.path}.config`, undefined)],
      t.subject,
    ),
  };
}

export interface NodeEvaluation {
  /** What the setting is, for messages: `node auto-repair`. */
  setting: string;
  /** True when Autopilot fixes this setting for the customer (result: not_applicable). */
  googleManagedOnAutopilot: boolean;
  pool(t: PoolTarget, config: GkeNodeConfig): Outcome;
  /** Omitted when the auto-provisioning defaults have no such setting. */
  nap?(t: NapTarget): Outcome;
}

/** One result per node pool and one for the auto-provisioning defaults. */
export function evaluateNodes(snapshot: GkeSnapshot, e: NodeEvaluation): Outcome[] {
  const { cluster, ref } = snapshot;
  if (e.googleManagedOnAutopilot && isAutopilot(cluster)) {
    return [
      notApplicable(
        `Cluster ${ref.name} is an Autopilot cluster: Google manages ${e.setting} on its nodes.`,
        [ev('cluster.autopilot.enabled', true)],
      ),
    ];
  }
  const out: Outcome[] = [];
  for (const t of poolTargets(snapshot)) {
    const c = poolConfig(t);
    out.push(c.ok ? e.pool(t, c.config) : c.outcome);
  }
  const nap = napTarget(snapshot);
  if (nap && e.nap) out.push(e.nap(nap));
  if (out.length === 0) {
    return [
      notApplicable(`Cluster ${ref.name} has no node pools, so ${e.setting} does not apply.`, [
        ev('cluster.nodePools', undefined),
      ]),
    ];
  }
  return out;
}
