import type { AzureRoleAssignment, AzureRoleDefinition } from '../../core/snapshot-aks';

/**
 * Built-in Azure role definitions as `GET .../roleDefinitions/{id}` returns them (api-version
 * 2022-04-01), with the permissions of the Azure built-in roles reference, trimmed to the
 * entries the checks look at.
 */
function builtIn(
  guid: string,
  roleName: string,
  permissions: NonNullable<NonNullable<AzureRoleDefinition['properties']>['permissions']>,
): AzureRoleDefinition {
  return {
    id: `/providers/Microsoft.Authorization/roleDefinitions/${guid}`,
    name: guid,
    properties: { roleName, type: 'BuiltInRole', permissions },
  };
}

export const ROLES = {
  owner: builtIn('8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner', [
    { actions: ['*'], notActions: [], dataActions: [], notDataActions: [] },
  ]),
  contributor: builtIn('b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor', [
    {
      actions: ['*'],
      notActions: [
        'Microsoft.Authorization/*/Delete',
        'Microsoft.Authorization/*/Write',
        'Microsoft.Authorization/elevateAccess/Action',
      ],
      dataActions: [],
      notDataActions: [],
    },
  ]),
  reader: builtIn('acdd72a7-3385-48ef-bd42-f606fba81ae7', 'Reader', [
    { actions: ['*/read'], notActions: [] },
  ]),
  acrPull: builtIn('7f951dca-4ad1-4c85-9fb1-8f1d85f6ffb3', 'AcrPull', [
    { actions: ['Microsoft.ContainerRegistry/registries/pull/read'], notActions: [] },
  ]),
  acrPush: builtIn('8311e382-0749-4cb8-b61a-304f252e45ec', 'AcrPush', [
    {
      actions: [
        'Microsoft.ContainerRegistry/registries/pull/read',
        'Microsoft.ContainerRegistry/registries/push/write',
      ],
      notActions: [],
    },
  ]),
  aksClusterAdmin: builtIn(
    '0ab0b1a8-8aac-4efd-b8c2-3ee1fb270be8',
    'Azure Kubernetes Service Cluster Admin Role',
    [
      {
        actions: [
          'Microsoft.ContainerService/managedClusters/listClusterAdminCredential/action',
          'Microsoft.ContainerService/managedClusters/accessProfiles/listCredential/action',
          'Microsoft.ContainerService/managedClusters/read',
          'Microsoft.ContainerService/managedClusters/runcommand/action',
        ],
        notActions: [],
      },
    ],
  ),
  aksClusterUser: builtIn(
    '4abbcc35-e782-43d8-92c5-2d3f1bd2253f',
    'Azure Kubernetes Service Cluster User Role',
    [
      {
        actions: [
          'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action',
          'Microsoft.ContainerService/managedClusters/read',
        ],
        notActions: [],
      },
    ],
  ),
  aksRbacClusterAdmin: builtIn(
    'b1ff04bb-8a4e-4dc4-8eb5-8693973ce19b',
    'Azure Kubernetes Service RBAC Cluster Admin',
    [
      {
        actions: [
          'Microsoft.Authorization/*/read',
          'Microsoft.ContainerService/managedClusters/listClusterUserCredential/action',
        ],
        notActions: [],
        dataActions: ['Microsoft.ContainerService/managedClusters/*'],
        notDataActions: [],
      },
    ],
  ),
  aksRbacReader: builtIn(
    '7f6c6a51-bcf8-42ba-9220-52d62157d7db',
    'Azure Kubernetes Service RBAC Reader',
    [
      {
        actions: ['Microsoft.Authorization/*/read'],
        dataActions: [
          'Microsoft.ContainerService/managedClusters/pods/read',
          'Microsoft.ContainerService/managedClusters/services/read',
        ],
        notDataActions: [],
      },
    ],
  ),
} as const;

let seq = 0;

/** A role assignment as `GET {scope}/providers/Microsoft.Authorization/roleAssignments` lists it. */
export function roleAssignment(
  role: AzureRoleDefinition,
  principalId: string,
  scope: string,
  principalType = 'User',
): AzureRoleAssignment {
  seq += 1;
  const name = `00000000-0000-0000-0000-${String(seq).padStart(12, '0')}`;
  const sub = /^\/subscriptions\/[^/]+/.exec(scope)?.[0] ?? '';
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    properties: {
      scope,
      roleDefinitionId: `${sub}/providers/Microsoft.Authorization/roleDefinitions/${role.name}`,
      principalId,
      principalType,
    },
  };
}
