import type { Evidence } from '../../../core/check';
import { ev } from '../../../core/outcome';
import type { EksCluster } from '../../../core/snapshot-eks';

export const CLUSTER_LOGGING_PATH = 'cluster.logging.clusterLogging';

/** Control-plane log types enabled on a cluster, read from every `clusterLogging` entry. */
export type LogTypesRead =
  | { ok: true; enabled: ReadonlySet<string>; evidence: Evidence[] }
  | { ok: false; evidence: Evidence[] };

/**
 * DescribeCluster returns one `LogSetup` entry per enabled state (typically one `enabled: true`
 * entry and one `enabled: false` entry), in no guaranteed order; a type is enabled when any
 * `enabled: true` entry lists it. The current API always returns `logging.clusterLogging`
 * (all types under `enabled: false` when logging is off), so its absence means an old or
 * incomplete export and is reported as not readable.
 */
export function readLogTypes(cluster: EksCluster): LogTypesRead {
  const entries = cluster.logging?.clusterLogging;
  if (!Array.isArray(entries)) return { ok: false, evidence: [ev(CLUSTER_LOGGING_PATH, entries)] };
  const enabled = new Set<string>();
  for (const entry of entries) {
    if (entry.enabled === true) for (const type of entry.types ?? []) enabled.add(type);
  }
  const evidence =
    entries.length > 0
      ? entries.map((entry, i) => ev(`${CLUSTER_LOGGING_PATH}[${i}]`, entry))
      : [ev(CLUSTER_LOGGING_PATH, entries)];
  return { ok: true, enabled, evidence };
}
