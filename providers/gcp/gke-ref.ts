import type { ResourceRef } from '../../core/snapshot';
import type { GkeCluster } from '../../core/snapshot-gke';

/** `.../projects/P/locations|zones/L/clusters/C` in a selfLink or a CAI name. */
const CLUSTER_PATH = /projects\/([^/]+)\/(?:locations|zones)\/([^/]+)\/clusters\/([^/]+)$/;

/**
 * The resource reference of a GKE cluster: id `projects/P/locations/L/clusters/C`. The selfLink
 * is authoritative; `fallback` fills what an input without one cannot say (the project a
 * collector was listing).
 */
export function gkeRef(
  cluster: GkeCluster,
  fallback: { project?: string; location?: string } = {},
): ResourceRef {
  const match = cluster.selfLink ? CLUSTER_PATH.exec(cluster.selfLink) : null;
  const name = match?.[3] ?? cluster.name ?? 'unnamed';
  const project = match?.[1] ?? fallback.project ?? 'unknown';
  const location = match?.[2] ?? cluster.location ?? cluster.zone ?? fallback.location ?? 'unknown';
  return {
    id: `projects/${project}/locations/${location}/clusters/${name}`,
    name,
    account: project,
    region: location,
  };
}

/** How discover names a listed cluster in a target: `location/name` (names are unique per location). */
export function gkeClusterKey(cluster: GkeCluster): string {
  return `${cluster.location ?? cluster.zone ?? ''}/${cluster.name ?? ''}`;
}
