import type { GkeCluster } from '../../../core/snapshot-gke';

/** Autopilot: Google manages the nodes (`autopilot.enabled`; absent means Standard). */
export function isAutopilot(cluster: GkeCluster): boolean {
  return cluster.autopilot?.enabled === true;
}

/** Message tail of a not_applicable result on Autopilot. */
export const AUTOPILOT_NOTE = 'is an Autopilot cluster: Google manages this node setting';

/** A zone name (`us-central1-c`) as opposed to a region (`us-central1`). */
export function isZone(location: string): boolean {
  return /^[a-z]+-[a-z]+\d+-[a-z]$/.test(location);
}

/** `projects/P/global/networks/N` or a URL or a bare name → `N`. */
export function lastSegment(pathOrName: string): string {
  return pathOrName.split('/').filter(Boolean).pop() ?? pathOrName;
}

/** Minor version `1.30` of `1.30.5-gke.1014001`, or undefined when it has no such shape. */
export function minorOf(version: string | undefined): string | undefined {
  const m = version ? /^(\d+)\.(\d+)/.exec(version) : null;
  return m ? `${m[1]}.${m[2]}` : undefined;
}
