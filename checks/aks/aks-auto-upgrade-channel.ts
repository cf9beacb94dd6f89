import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.autoUpgradeProfile.upgradeChannel';

export const aksAutoUpgradeChannel: AksCheck = {
  meta: {
    id: 'aks-auto-upgrade-channel',
    provider: 'aks',
    title: 'AKS cluster has an auto-upgrade channel',
    severity: 'medium',
    family: 'upgrade-channel',
    categories: ['lifecycle'],
    risk: 'Without auto-upgrade, security patches of Kubernetes reach the cluster only when someone remembers; clusters drift out of support.',
    remediation: {
      summary:
        'Set an auto-upgrade channel (patch or stable) together with a planned maintenance window.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --auto-upgrade-channel patch',
      iac: 'Bicep: properties.autoUpgradeProfile.upgradeChannel: \'patch\'; Terraform azurerm_kubernetes_cluster: automatic_upgrade_channel = "patch"',
      url: 'https://learn.microsoft.com/azure/aks/auto-upgrade-cluster',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.autoUpgradeProfile?.upgradeChannel;
    const evidence = [ev(PATH, value)];
    // Unset is the documented default `none` (Steampipe passes it).
    if (value === undefined || value.toLowerCase() === 'none') {
      return fail(
        `Cluster ${ref.name} has no auto-upgrade channel (upgradeChannel=${value ?? 'unset, default none'}).`,
        evidence,
      );
    }
    return pass(`Cluster ${ref.name} auto-upgrades on the ${value} channel.`, evidence);
  },
};
