import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.sku.tier';

export const aksSkuTier: AksCheck = {
  meta: {
    id: 'aks-sku-tier',
    provider: 'aks',
    title: 'AKS cluster runs on a tier with an uptime SLA (Standard or Premium)',
    severity: 'low',
    family: 'control-plane-redundancy',
    categories: ['lifecycle'],
    risk: 'The Free tier has no financially backed API server SLA and fewer control-plane resources, and cannot use long-term support.',
    remediation: {
      summary: 'Move production clusters to the Standard (or Premium, for LTS) tier.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --tier standard',
      iac: "Bicep: sku: { name: 'Base', tier: 'Standard' }; Terraform azurerm_kubernetes_cluster: sku_tier = \"Standard\"",
      url: 'https://learn.microsoft.com/azure/aks/free-standard-pricing-tiers',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.sku?.tier;
    const evidence = [ev(PATH, value)];
    // Unset is the documented default, Free.
    return value === 'Standard' || value === 'Premium'
      ? pass(`Cluster ${ref.name} runs on the ${value} tier.`, evidence)
      : fail(
          `Cluster ${ref.name} runs on the ${value ?? 'default Free'} tier without an uptime SLA.`,
          evidence,
        );
  },
};
