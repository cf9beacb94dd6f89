import type { AksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';
import { describeAssignment, resolveAssignments, roleGrants } from './support/roles';

const KUBELET = 'cluster.identityProfile.kubeletidentity.objectId';
const ASSIGNMENTS = 'parts.kubeletRoleAssignments';
/** Actions a node identity never needs; any of them turns a node compromise into a cloud one. */
const RISKY_ACTIONS = [
  ['Microsoft.Authorization/roleAssignments/write', 'can grant roles'],
  ['Microsoft.ContainerRegistry/registries/push/write', 'can push images'],
  [
    'Microsoft.Storage/storageAccounts/listKeys/action',
    'has broad write access (e.g. Owner/Contributor)',
  ],
] as const;

export const aksKubeletIdentityPrivileges: AksCheck = {
  meta: {
    id: 'aks-kubelet-identity-privileges',
    provider: 'aks',
    title: 'AKS kubelet identity holds no broad or registry-write roles',
    severity: 'high',
    family: 'node-iam-privileges',
    categories: ['iam', 'supply-chain'],
    risk: 'Every pod that reaches the node metadata endpoint can act as the kubelet identity: with Contributor, Owner or AcrPush, one compromised pod can change cloud resources or poison the images other clusters pull.',
    remediation: {
      summary:
        'Grant the kubelet identity only AcrPull on the registries it pulls from; give workloads their own identities through workload identity.',
      cli: 'az role assignment list --assignee <kubelet-object-id> --all; az role assignment delete --assignee <kubelet-object-id> --role <role> --scope <scope>; az aks update --resource-group <rg> --name <cluster> --attach-acr <registry>',
      iac: 'Bicep/Terraform: azurerm_role_assignment for the kubelet identity with role_definition_name = "AcrPull" only',
      url: 'https://learn.microsoft.com/azure/aks/cluster-container-registry-integration',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.1.3'] },
    reads: ['authorization:RoleAssignments.List', 'authorization:RoleDefinitions.Get'],
  },
  evaluate({ cluster, parts, ref }) {
    const objectId = cluster.identityProfile?.['kubeletidentity']?.objectId;
    if (!objectId) {
      return notApplicable(
        `Cluster ${ref.name} has no kubelet managed identity (a service principal cluster; see aks-managed-identity).`,
        [ev(KUBELET, objectId)],
      );
    }
    const assignments = readPart(
      parts.kubeletRoleAssignments,
      `Role assignments of kubelet identity ${objectId}`,
      ASSIGNMENTS,
    );
    if (!assignments.ok) return assignments.outcome;
    const definitions = readPart(
      parts.roleDefinitions,
      'Role definitions',
      'parts.roleDefinitions',
    );
    if (!definitions.ok) return definitions.outcome;
    const evidence = [ev(KUBELET, objectId)];
    const risky: string[] = [];
    const unresolved: string[] = [];
    for (const { assignment, index, definition } of resolveAssignments(
      assignments.value,
      definitions.value,
    )) {
      if (!definition) {
        unresolved.push(describeAssignment(assignment, definition));
        continue;
      }
      const why = RISKY_ACTIONS.filter(([action]) => roleGrants(definition, action)).map(
        ([, text]) => text,
      );
      if (why.length > 0) {
        risky.push(`${describeAssignment(assignment, definition)}: ${why.join(', ')}`);
        evidence.push(
          ev(
            `${ASSIGNMENTS}[${index}].properties.roleDefinitionId`,
            assignment.properties?.roleDefinitionId,
          ),
        );
      }
    }
    if (risky.length > 0) {
      return fail(`Cluster ${ref.name}: the kubelet identity ${risky.join('; ')}.`, evidence);
    }
    if (unresolved.length > 0 || assignments.incomplete || definitions.incomplete) {
      const gaps = [...unresolved, assignments.incomplete, definitions.incomplete].filter(Boolean);
      return unknown(
        `Cluster ${ref.name}: no risky kubelet role seen, but some could not be read: ${gaps.join('; ')}.`,
        evidence,
      );
    }
    return pass(
      `Cluster ${ref.name}: the kubelet identity's ${assignments.value.length} role assignment(s) are all narrow.`,
      evidence,
    );
  },
};
