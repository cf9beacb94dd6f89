import type { AksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { describeAssignment, resolveAssignments, roleGrants } from './support/roles';

const ASSIGNMENTS = 'parts.clusterRoleAssignments';
const DEFINITIONS = 'parts.roleDefinitions';
const ADMIN_CREDENTIAL =
  'Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action';
const USER_CREDENTIAL =
  'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action';
/** Writing ClusterRoleBindings through Azure RBAC is enough to make oneself cluster-admin. */
const RBAC_ESCALATION =
  'Microsoft.ContainerService/managedClusters/rbac.authorization.k8s.io/clusterrolebindings/write';

export const aksClusterAdminRoleAssignments: AksCheck = {
  meta: {
    id: 'aks-cluster-admin-role-assignments',
    provider: 'aks',
    title: 'No Azure role assignment gives standing cluster-admin on the AKS cluster',
    severity: 'high',
    family: 'cluster-admin-access',
    categories: ['iam'],
    risk: 'Every principal that can fetch the admin kubeconfig (Owner, Contributor, AKS Cluster Admin Role) or holds full Azure RBAC data actions is a cluster-admin, usually without anyone having decided so.',
    remediation: {
      summary:
        'Disable local accounts, grant cluster-admin only through an Entra admin group with PIM, and remove broad role assignments at the cluster, resource group and subscription scopes.',
      cli: 'az role assignment list --scope <cluster-id> --include-inherited; az role assignment delete --ids <assignment-id>; az aks update --resource-group <rg> --name <cluster> --disable-local-accounts',
      iac: 'Bicep/Terraform: remove Microsoft.Authorization/roleAssignments (azurerm_role_assignment) of Owner/Contributor/AKS Cluster Admin roles on the cluster scope and above; properties.disableLocalAccounts: true',
      url: 'https://learn.microsoft.com/azure/aks/control-kubeconfig-access',
    },
    frameworks: { 'cis-aks-1.8.0': ['4.1.1', '5.5.1'] },
    reads: ['authorization:RoleAssignments.ListForScope', 'authorization:RoleDefinitions.Get'],
  },
  evaluate({ cluster, parts, ref }) {
    const assignments = readPart(
      parts.clusterRoleAssignments,
      `Role assignments on cluster ${ref.name}`,
      ASSIGNMENTS,
    );
    if (!assignments.ok) return assignments.outcome;
    const definitions = readPart(parts.roleDefinitions, 'Role definitions', DEFINITIONS);
    if (!definitions.ok) return definitions.outcome;
    // Which Azure permissions amount to cluster-admin depends on the cluster's own settings.
    const localAccounts = cluster.disableLocalAccounts !== true;
    const noEntra = !cluster.aadProfile;
    const azureRbac = cluster.aadProfile?.enableAzureRbac === true;
    const settings = [
      ev('cluster.disableLocalAccounts', cluster.disableLocalAccounts),
      ev('cluster.aadProfile.enableAzureRbac', cluster.aadProfile?.enableAzureRbac),
    ];
    const resolved = resolveAssignments(assignments.value, definitions.value);
    const admins: string[] = [];
    const unresolved: string[] = [];
    const evidence = [...settings];
    for (const { assignment, index, definition } of resolved) {
      if (!definition) {
        unresolved.push(describeAssignment(assignment, definition));
        continue;
      }
      const paths: string[] = [];
      if (localAccounts && roleGrants(definition, ADMIN_CREDENTIAL)) paths.push('admin credential');
      if (localAccounts && noEntra && roleGrants(definition, USER_CREDENTIAL))
        paths.push('user credential of a non-Entra cluster');
      if (azureRbac && roleGrants(definition, RBAC_ESCALATION, true))
        paths.push('Azure RBAC data actions');
      if (paths.length > 0) {
        admins.push(`${describeAssignment(assignment, definition)} via ${paths.join(' and ')}`);
        evidence.push(
          ev(
            `${ASSIGNMENTS}[${index}].properties.roleDefinitionId`,
            assignment.properties?.roleDefinitionId,
          ),
        );
      }
    }
    if (admins.length > 0) {
      return fail(
        `Cluster ${ref.name}: ${admins.length} role assignment(s) give cluster-admin: ${admins.join('; ')}.`,
        evidence,
      );
    }
    const gaps = [
      ...unresolved,
      ...(assignments.incomplete ? [assignments.incomplete] : []),
      ...(definitions.incomplete ? [definitions.incomplete] : []),
    ];
    if (gaps.length > 0) {
      return unknown(
        `Cluster ${ref.name}: no cluster-admin grant seen, but some roles could not be read: ${gaps.join('; ')}.`,
        evidence,
      );
    }
    return pass(
      `Cluster ${ref.name}: none of its ${resolved.length} role assignment(s) gives cluster-admin.`,
      evidence,
    );
  },
};
