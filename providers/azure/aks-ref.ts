import type { ResourceRef } from '../../core/snapshot';
import type { AksCluster } from '../../core/snapshot-aks';

/** `/subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.ContainerService/managedClusters/{name}` */
const CLUSTER_ID =
  /^\/subscriptions\/([^/]+)\/resourcegroups\/([^/]+)\/providers\/microsoft\.containerservice\/managedclusters\/([^/]+)$/i;

/** The parts of a ManagedCluster's ARM resource id (ARM ids are case-insensitive). */
export interface AksClusterId {
  subscription: string;
  resourceGroup: string;
  name: string;
}

export function parseAksClusterId(id: string): AksClusterId | undefined {
  const match = CLUSTER_ID.exec(id);
  if (!match?.[1] || !match[2] || !match[3]) return undefined;
  return { subscription: match[1], resourceGroup: match[2], name: match[3] };
}

/**
 * The resource reference of an AKS cluster: id = ARM resource id, account = subscription id
 * (from the id), region = location. `fallback` fills what an id-less input cannot say.
 */
export function aksRef(cluster: AksCluster, fallback: { subscription?: string } = {}): ResourceRef {
  const parsed = cluster.id ? parseAksClusterId(cluster.id) : undefined;
  const name = cluster.name ?? parsed?.name ?? 'unnamed';
  const account = parsed?.subscription ?? fallback.subscription ?? 'unknown';
  return {
    id:
      cluster.id ??
      `/subscriptions/${account}/providers/Microsoft.ContainerService/managedClusters/${name}`,
    name,
    account,
    region: cluster.location ?? 'unknown',
  };
}

/**
 * How discover names a listed cluster in a target: `resourceGroup/name` from its ARM id (names
 * are unique per resource group); compared without case, as ARM does.
 */
export function aksClusterKey(cluster: { id?: string; name?: string }): string {
  const parsed = cluster.id ? parseAksClusterId(cluster.id) : undefined;
  return parsed ? `${parsed.resourceGroup}/${parsed.name}` : (cluster.name ?? '');
}
