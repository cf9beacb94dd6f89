import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { addonPath, findAddon } from './support/addons';

export const aksAzurePolicyAddon: AksCheck = {
  meta: {
    id: 'aks-azure-policy-addon',
    provider: 'aks',
    title: 'AKS Azure Policy add-on (Gatekeeper) is enabled',
    severity: 'medium',
    family: 'admission-policy',
    categories: ['control-plane'],
    risk: 'Without an admission policy engine, privileged pods, host mounts and images from any registry are admitted; Azure Policy cannot audit or deny in-cluster resources.',
    remediation: {
      summary: 'Enable the Azure Policy add-on and assign the Kubernetes pod security initiatives.',
      cli: 'az aks enable-addons --resource-group <rg> --name <cluster> --addons azure-policy',
      iac: 'Bicep: properties.addonProfiles.azurepolicy.enabled: true; Terraform azurerm_kubernetes_cluster: azure_policy_enabled = true',
      url: 'https://learn.microsoft.com/azure/governance/policy/concepts/policy-for-kubernetes',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const addon = findAddon(cluster, 'azurepolicy');
    const evidence = [
      ev(addonPath(addon?.key ?? 'azurepolicy', 'enabled'), addon?.profile.enabled),
    ];
    return addon?.profile.enabled === true
      ? pass(`Cluster ${ref.name} has the Azure Policy add-on enabled.`, evidence)
      : fail(`Cluster ${ref.name} has the Azure Policy add-on off.`, evidence);
  },
};
