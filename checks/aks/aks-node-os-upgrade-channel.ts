import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.autoUpgradeProfile.nodeOSUpgradeChannel';

export const aksNodeOsUpgradeChannel: AksCheck = {
  meta: {
    id: 'aks-node-os-upgrade-channel',
    provider: 'aks',
    title: 'AKS node OS images receive security updates automatically',
    severity: 'medium',
    family: 'node-auto-upgrade',
    categories: ['lifecycle'],
    risk: 'With node OS upgrades off (None) or left to the OS (Unmanaged), kernel and package vulnerabilities on nodes stay open until someone reimages the pools.',
    remediation: {
      summary: 'Set the node OS upgrade channel to NodeImage or SecurityPatch.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --node-os-upgrade-channel NodeImage',
      iac: 'Bicep: properties.autoUpgradeProfile.nodeOSUpgradeChannel: \'NodeImage\'; Terraform azurerm_kubernetes_cluster: node_os_upgrade_channel = "NodeImage"',
      url: 'https://learn.microsoft.com/azure/aks/auto-upgrade-node-os-image',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.autoUpgradeProfile?.nodeOSUpgradeChannel;
    const evidence = [ev(PATH, value)];
    // The model documents NodeImage as the default when the field is unset.
    const effective = value ?? 'NodeImage';
    return effective === 'NodeImage' || effective === 'SecurityPatch'
      ? pass(
          `Cluster ${ref.name} updates node OS images on the ${value ?? 'default NodeImage'} channel.`,
          evidence,
        )
      : fail(`Cluster ${ref.name} has node OS upgrades set to ${value}.`, evidence);
  },
};
