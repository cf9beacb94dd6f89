import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.publicNetworkAccess';

export const aksPublicNetworkAccess: AksCheck = {
  meta: {
    id: 'aks-public-network-access',
    provider: 'aks',
    title: 'AKS cluster public network access is disabled',
    severity: 'medium',
    family: 'api-endpoint-exposure',
    categories: ['network', 'control-plane'],
    risk: 'With public network access enabled the cluster FQDN resolves and answers from the internet, even where other controls narrow who may connect.',
    remediation: {
      summary:
        'Disable public network access on the cluster (private clusters reach the API through the private endpoint).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --public-network-access Disabled',
      iac: 'Bicep: properties.publicNetworkAccess: \'Disabled\'; Terraform azapi_resource body.properties.publicNetworkAccess = "Disabled"',
      url: 'https://learn.microsoft.com/azure/aks/private-clusters',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.2'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.publicNetworkAccess;
    const evidence = [ev(PATH, value)];
    // `SecuredByPerimeter` (network security perimeter) is a closed state of newer api-versions.
    if (value === 'Disabled' || value === 'SecuredByPerimeter') {
      return pass(`Cluster ${ref.name} has public network access ${value}.`, evidence);
    }
    // Optional in ARM; the documented default when unset is Enabled.
    return fail(
      `Cluster ${ref.name} has public network access ${value ?? 'unset (default Enabled)'}.`,
      evidence,
    );
  },
};
