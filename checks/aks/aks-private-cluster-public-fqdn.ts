import type { AksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';

const PRIVATE = 'cluster.apiServerAccessProfile.enablePrivateCluster';
const PATH = 'cluster.apiServerAccessProfile.enablePrivateClusterPublicFqdn';

export const aksPrivateClusterPublicFqdn: AksCheck = {
  meta: {
    id: 'aks-private-cluster-public-fqdn',
    provider: 'aks',
    title: 'AKS private cluster does not publish a public FQDN',
    severity: 'low',
    family: 'api-endpoint-exposure',
    categories: ['network'],
    risk: 'A public DNS name for a private API server discloses the cluster and its private address to anyone who can query DNS.',
    remediation: {
      summary:
        'Turn off the public FQDN of the private cluster and resolve the API server through the private DNS zone.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --disable-public-fqdn',
      iac: 'Bicep: properties.apiServerAccessProfile.enablePrivateClusterPublicFQDN: false; Terraform azurerm_kubernetes_cluster: private_cluster_public_fqdn_enabled = false',
      url: 'https://learn.microsoft.com/azure/aks/private-clusters#disable-a-public-fqdn',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.2'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const access = cluster.apiServerAccessProfile;
    const evidence = [
      ev(PRIVATE, access?.enablePrivateCluster),
      ev(PATH, access?.enablePrivateClusterPublicFqdn),
    ];
    if (access?.enablePrivateCluster !== true) {
      return notApplicable(`Cluster ${ref.name} is not a private cluster.`, evidence);
    }
    // Unset means no public FQDN (the documented default is false).
    return access.enablePrivateClusterPublicFqdn === true
      ? fail(`Private cluster ${ref.name} also publishes a public FQDN.`, evidence)
      : pass(`Private cluster ${ref.name} publishes no public FQDN.`, evidence);
  },
};
