import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PROFILE = 'cluster.aadProfile';
const MANAGED = 'cluster.aadProfile.managed';

export const aksEntraIntegration: AksCheck = {
  meta: {
    id: 'aks-entra-integration',
    provider: 'aks',
    title: 'AKS cluster authenticates users with AKS-managed Entra ID integration',
    severity: 'high',
    family: 'cluster-access-management',
    categories: ['iam'],
    risk: 'Without Entra ID integration, users get certificates rather than identities: no MFA or conditional access, no per-user revocation, and audit logs that cannot name the person.',
    remediation: {
      summary:
        'Enable AKS-managed Entra ID integration (this is separate from Kubernetes RBAC and from Azure RBAC for authorization).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-aad --aad-admin-group-object-ids <group-id>',
      iac: 'Bicep: properties.aadProfile: { managed: true, adminGroupObjectIDs: [...] }; Terraform azurerm_kubernetes_cluster: azure_active_directory_role_based_access_control { admin_group_object_ids = [...] }',
      url: 'https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.5.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const profile = cluster.aadProfile;
    // ARM omits aadProfile on a cluster without Entra integration.
    if (!profile) {
      return fail(`Cluster ${ref.name} has no Entra ID integration (no aadProfile).`, [
        ev(PROFILE, profile),
      ]);
    }
    const evidence = [ev(MANAGED, profile.managed)];
    // managed=false is the legacy (client/server app) integration, retired by AKS.
    return profile.managed === true
      ? pass(`Cluster ${ref.name} uses AKS-managed Entra ID integration.`, evidence)
      : fail(
          `Cluster ${ref.name} uses the legacy Entra ID integration (aadProfile.managed=${profile.managed ?? 'unset'}).`,
          evidence,
        );
  },
};
