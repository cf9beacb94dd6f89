import type { EstateInput } from '../../../sandbox/estate';
import { fixture } from '../../fixture';

type Json = Record<string, unknown>;

export const PROJECT = 'gkeexposure';
export const SUB_1 = '00000000-0000-0000-0000-000000000000';
export const SUB_2 = '11111111-2222-3333-4444-555555555555';

/** The three GKE clusters of the policy-library CAI export (zone us-central1-c). */
export function gkeClusters(): (Json & { name: string; location: string })[] {
  return fixture<{ resource: { data: Json & { name: string; location: string } } }[]>(
    'gcp/cai/gke_enable_private_endpoint.cai.json',
  ).map((a) => a.resource.data);
}

/** The spec examples' ManagedCluster GET bodies: a public one and a private one. */
export function managedCluster(which: 'get' | 'private', name: string, sub = SUB_1, group = 'rg1') {
  const file =
    which === 'get'
      ? 'azure/aks/ManagedClustersGet.json'
      : 'azure/aks/ManagedClustersCreate_PrivateClusterFQDNSubdomain.json';
  const body = fixture<{ responses: { '200': { body: Json & { properties: Json } } } }>(file)
    .responses['200'].body;
  return {
    ...body,
    name,
    location: 'westeurope',
    id: `/subscriptions/${sub}/resourceGroups/${group}/providers/Microsoft.ContainerService/managedClusters/${name}`,
  };
}

/** GKE project `gkeexposure` (3 zonal clusters, one regional copy) and two Azure subscriptions. */
export function gcpAzureEstate(pageSize = 2): EstateInput {
  const zonal = gkeClusters();
  // A copy is another cluster: its selfLink (from which the cluster's id is read) names it too.
  const regional = {
    ...(zonal[1] as Json),
    name: 'regional',
    location: 'us-central1',
    selfLink: `https://container.googleapis.com/v1/projects/${PROJECT}/locations/us-central1/clusters/regional`,
  };
  return {
    gcp: {
      projects: {
        [PROJECT]: {
          projectNumber: '123456789012',
          missingZones: ['asia-east1-a'],
          clusters: [...zonal, regional].map((cluster) => ({
            cluster: cluster as Json & { name: string; location: string },
          })),
        },
        'empty-project': {},
      },
    },
    azure: {
      pageSize,
      subscriptions: {
        [SUB_1]: {
          displayName: 'prod',
          resourceGroups: [
            { name: 'rg1', location: 'westeurope' },
            { name: 'rg2', location: 'westeurope' },
          ],
          managedClusters: [
            { cluster: managedCluster('get', 'aks-a') },
            { cluster: managedCluster('private', 'aks-b') },
            { cluster: managedCluster('get', 'aks-c', SUB_1, 'rg2') },
            { cluster: managedCluster('private', 'aks-d', SUB_1, 'rg2') },
            { cluster: managedCluster('get', 'aks-e', SUB_1, 'rg2') },
          ],
        },
        [SUB_2]: { displayName: 'dev', resourceGroups: [{ name: 'rg1', location: 'northeurope' }] },
      },
    },
  };
}
