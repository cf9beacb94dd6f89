import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.tags';

export const aksTags: AksCheck = {
  meta: {
    id: 'aks-tags',
    provider: 'aks',
    title: 'AKS cluster carries the required tags',
    severity: 'low',
    family: 'resource-tagging',
    categories: ['lifecycle'],
    risk: 'Untagged clusters have no recorded owner, environment or data classification, so findings cannot be routed and orphaned clusters are not noticed.',
    remediation: {
      summary:
        'Tag the cluster with owner, environment and the keys your policy requires (`aks.requiredTags`).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --tags owner=<team> environment=<env>',
      iac: "Bicep: tags: { owner: '<team>', environment: '<env>' }; Terraform azurerm_kubernetes_cluster: tags = { owner = \"<team>\" }",
      url: 'https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }, { config }) {
    const tags = cluster.tags ?? {};
    const evidence = [ev(PATH, cluster.tags)];
    const keys = Object.keys(tags);
    if (keys.length === 0) return fail(`Cluster ${ref.name} has no tags.`, evidence);
    // ARM tag names are case-insensitive.
    const present = new Set(keys.map((k) => k.toLowerCase()));
    const missing = config.aks.requiredTags.filter((k) => !present.has(k.toLowerCase()));
    return missing.length === 0
      ? pass(`Cluster ${ref.name} carries tags: ${keys.join(', ')}.`, evidence)
      : fail(`Cluster ${ref.name} lacks required tag(s): ${missing.join(', ')}.`, evidence);
  },
};
