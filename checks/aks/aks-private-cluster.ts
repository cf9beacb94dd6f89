import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.apiServerAccessProfile.enablePrivateCluster';

export const aksPrivateCluster: AksCheck = {
  meta: {
    id: 'aks-private-cluster',
    provider: 'aks',
    title: 'AKS cluster API server is private',
    severity: 'high',
    family: 'api-endpoint-exposure',
    categories: ['network', 'control-plane'],
    risk: 'A public API server can be reached from the internet: every leaked kubeconfig, Kubernetes authentication bug or brute-force attempt is one network hop away from the control plane.',
    remediation: {
      summary:
        'Create the cluster as a private cluster (the setting cannot be turned on for an existing cluster without API server VNet integration) and reach the API from the virtual network.',
      cli: 'az aks create --resource-group <rg> --name <cluster> --enable-private-cluster (existing clusters with API server VNet integration: az aks update --enable-private-cluster)',
      iac: 'Bicep: properties.apiServerAccessProfile.enablePrivateCluster: true; Terraform azurerm_kubernetes_cluster: private_cluster_enabled = true',
      url: 'https://learn.microsoft.com/azure/aks/private-clusters',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.2'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.apiServerAccessProfile?.enablePrivateCluster;
    const evidence = [ev(PATH, value)];
    // ARM omits apiServerAccessProfile (or the flag) on a cluster created without it: public.
    return value === true
      ? pass(`Cluster ${ref.name} is a private cluster (enablePrivateCluster=true).`, evidence)
      : fail(
          `Cluster ${ref.name} has a public API server (enablePrivateCluster=${value ?? 'unset'}).`,
          evidence,
        );
  },
};
