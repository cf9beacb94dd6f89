import type { AksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.networkProfile.networkPlugin';

export const aksAzureCni: AksCheck = {
  meta: {
    id: 'aks-azure-cni',
    provider: 'aks',
    title: 'AKS cluster uses Azure CNI rather than kubenet',
    severity: 'informational',
    family: 'network-plugin',
    categories: ['network'],
    risk: 'kubenet is retired and cannot use Azure network policies; pods share the node address and subnet-level controls cannot tell workloads apart.',
    remediation: {
      summary:
        'Migrate the cluster to Azure CNI (overlay mode keeps pod addresses out of the VNet).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --network-plugin azure --network-plugin-mode overlay',
      iac: 'Bicep: properties.networkProfile.networkPlugin: \'azure\', networkPluginMode: \'overlay\'; Terraform azurerm_kubernetes_cluster: network_profile { network_plugin = "azure", network_plugin_mode = "overlay" }',
      url: 'https://learn.microsoft.com/azure/aks/upgrade-azure-cni',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.networkProfile?.networkPlugin;
    const evidence = [ev(PATH, value)];
    if (value === undefined) {
      // The API always returns the plugin of a cluster; absent means an incomplete export.
      return unknown(
        `Cluster ${ref.name}: networkProfile.networkPlugin is missing from the input.`,
        evidence,
      );
    }
    switch (value.toLowerCase()) {
      case 'azure':
        return pass(`Cluster ${ref.name} uses Azure CNI.`, evidence);
      case 'none':
        return notApplicable(
          `Cluster ${ref.name} brings its own CNI (networkPlugin=none); its capabilities are not visible to the API.`,
          evidence,
        );
      default:
        return fail(`Cluster ${ref.name} uses the ${value} network plugin.`, evidence);
    }
  },
};
