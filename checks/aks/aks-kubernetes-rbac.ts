import type { AksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.enableRbac';

export const aksKubernetesRbac: AksCheck = {
  meta: {
    id: 'aks-kubernetes-rbac',
    provider: 'aks',
    title: 'AKS cluster has Kubernetes RBAC enabled',
    severity: 'high',
    family: 'kubernetes-rbac',
    categories: ['iam'],
    risk: 'Without Kubernetes RBAC every authenticated identity, including every service account, can do anything in the cluster.',
    remediation: {
      summary:
        'Kubernetes RBAC can only be set at creation: recreate the cluster with RBAC enabled (the default) and migrate workloads.',
      cli: 'az aks create --resource-group <rg> --name <cluster> (RBAC is on unless --disable-rbac is given)',
      iac: 'Bicep: properties.enableRBAC: true; Terraform azurerm_kubernetes_cluster: role_based_access_control_enabled = true',
      url: 'https://learn.microsoft.com/azure/aks/concepts-identity#kubernetes-rbac',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.enableRbac;
    const evidence = [ev(PATH, value)];
    // ARM returns enableRBAC for every cluster; absent means an incomplete export.
    if (value === undefined) {
      return unknown(`Cluster ${ref.name}: enableRBAC is missing from the input.`, evidence);
    }
    return value
      ? pass(`Cluster ${ref.name} has Kubernetes RBAC enabled.`, evidence)
      : fail(`Cluster ${ref.name} has Kubernetes RBAC disabled (enableRBAC=false).`, evidence);
  },
};
