import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PROFILE = 'cluster.aadProfile';
const PATH = 'cluster.aadProfile.enableAzureRbac';

export const aksAzureRbac: AksCheck = {
  meta: {
    id: 'aks-azure-rbac',
    provider: 'aks',
    title: 'AKS cluster uses Azure RBAC for Kubernetes authorization',
    severity: 'medium',
    family: 'cloud-iam-authorization',
    categories: ['iam'],
    risk: 'Without Azure RBAC, Kubernetes permissions live only in in-cluster RoleBindings: they are invisible to Azure access reviews, PIM and Entra governance.',
    remediation: {
      summary:
        'Enable Azure RBAC for Kubernetes authorization (needs AKS-managed Entra ID integration; Kubernetes RBAC stays on).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-azure-rbac',
      iac: 'Bicep: properties.aadProfile.enableAzureRBAC: true; Terraform azurerm_kubernetes_cluster: azure_active_directory_role_based_access_control { azure_rbac_enabled = true }',
      url: 'https://learn.microsoft.com/azure/aks/manage-azure-rbac',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.5.2'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const profile = cluster.aadProfile;
    if (!profile) {
      return fail(
        `Cluster ${ref.name} has no Entra ID integration, so Azure RBAC cannot authorize Kubernetes requests.`,
        [ev(PROFILE, profile)],
      );
    }
    const value = profile.enableAzureRbac;
    const evidence = [ev(PATH, value)];
    // Optional, default false.
    return value === true
      ? pass(`Cluster ${ref.name} authorizes Kubernetes requests with Azure RBAC.`, evidence)
      : fail(
          `Cluster ${ref.name} does not use Azure RBAC for Kubernetes authorization (enableAzureRBAC=${value ?? 'unset'}).`,
          evidence,
        );
  },
};
