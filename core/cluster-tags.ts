import type { ClusterSnapshot } from './snapshot';

/**
 * The cluster's own tags (labels) as the cloud returns them: EKS `Cluster.tags`, GKE
 * `Cluster.resourceLabels`, AKS `ManagedCluster.tags`. All three APIs omit the field when the
 * cluster has none, so an absent field is no tags, not unknown. Non-string values (never sent
 * by these APIs) are left out.
 */
export function clusterTags(snapshot: ClusterSnapshot): Record<string, string> {
  const cluster: Record<string, unknown> = snapshot.cluster as Record<string, unknown>;
  const raw = snapshot.provider === 'gke' ? cluster['resourceLabels'] : cluster['tags'];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const tags: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') tags[key] = value;
  }
  return tags;
}
