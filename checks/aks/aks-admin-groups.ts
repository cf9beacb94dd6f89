import type { AksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';

const MANAGED = 'cluster.aadProfile.managed';
const PATH = 'cluster.aadProfile.adminGroupObjectIDs';

export const aksAdminGroups: AksCheck = {
  meta: {
    id: 'aks-admin-groups',
    provider: 'aks',
    title: 'AKS cluster names an Entra admin group',
    severity: 'informational',
    family: 'cluster-admin-access',
    categories: ['iam'],
    risk: 'Without an admin group, cluster-admin is reachable only through local accounts or Azure roles; with local accounts disabled there is no break-glass path at all.',
    remediation: {
      summary:
        'Name a small, reviewed Entra group (ideally PIM-activated) as the cluster admin group.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --aad-admin-group-object-ids <group-id>',
      iac: 'Bicep: properties.aadProfile.adminGroupObjectIDs: [<group-id>]; Terraform azurerm_kubernetes_cluster: azure_active_directory_role_based_access_control { admin_group_object_ids = [...] }',
      url: 'https://learn.microsoft.com/azure/aks/enable-authentication-microsoft-entra-id',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.5.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const profile = cluster.aadProfile;
    if (profile?.managed !== true) {
      return notApplicable(
        `Cluster ${ref.name} has no AKS-managed Entra ID integration (see aks-entra-integration).`,
        [ev(MANAGED, profile?.managed)],
      );
    }
    const groups = profile.adminGroupObjectIDs ?? [];
    const evidence = [ev(PATH, profile.adminGroupObjectIDs)];
    // Group membership lives in Microsoft Graph, not ARM: the size of a group is not judged here.
    return groups.length > 0
      ? pass(
          `Cluster ${ref.name} names ${groups.length} Entra admin group(s): ${groups.join(', ')}.`,
          evidence,
        )
      : fail(`Cluster ${ref.name} names no Entra admin group.`, evidence);
  },
};
