import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.nodeResourceGroupProfile.restrictionLevel';

export const aksNodeRgLockdown: AksCheck = {
  meta: {
    id: 'aks-node-rg-lockdown',
    provider: 'aks',
    title: 'AKS node resource group is read-only',
    severity: 'low',
    family: 'node-resource-lockdown',
    categories: ['control-plane'],
    risk: 'An unrestricted node resource group lets operators change AKS-managed VMs, disks and NSGs directly, bypassing the cluster API and its audit trail.',
    remediation: {
      summary: 'Set the node resource group restriction level to ReadOnly.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --nrg-lockdown-restriction-level ReadOnly',
      iac: 'Bicep: properties.nodeResourceGroupProfile.restrictionLevel: \'ReadOnly\'; Terraform azapi_update_resource body.properties.nodeResourceGroupProfile.restrictionLevel = "ReadOnly"',
      url: 'https://learn.microsoft.com/azure/aks/node-resource-group-lockdown',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.nodeResourceGroupProfile?.restrictionLevel;
    const evidence = [ev(PATH, value)];
    // Unset is the documented default, Unrestricted.
    return value === 'ReadOnly'
      ? pass(`Cluster ${ref.name} has a read-only node resource group.`, evidence)
      : fail(
          `Cluster ${ref.name} has an unrestricted node resource group (restrictionLevel=${value ?? 'unset'}).`,
          evidence,
        );
  },
};
