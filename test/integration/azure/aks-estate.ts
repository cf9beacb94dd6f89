import type { EstateInput } from '../../../sandbox/estate';
import { ROLES } from '../../builders/azure-arm';
import { fixture } from '../../fixture';

type Json = Record<string, unknown>;

export const SUB = '00000000-0000-0000-0000-000000000000';
export const SUB_EMPTY = '11111111-2222-3333-4444-555555555555';
const RG = `/subscriptions/${SUB}/resourceGroups`;
export const KUBELET = 'aaaaaaaa-0000-0000-0000-00000000beef';
const SUBNET = `${RG}/rg-net/providers/Microsoft.Network/virtualNetworks/vnet1/subnets/aks`;
const SUBNET_NSG = `${RG}/rg-net/providers/Microsoft.Network/networkSecurityGroups/aks-subnet-nsg`;
const ACR = `${RG}/rg-acr/providers/Microsoft.ContainerRegistry/registries/acr1`;

/** The spec example ManagedCluster (ARM wire JSON) renamed and placed in `group`. */
export function armCluster(
  file: string,
  name: string,
  group = 'rg1',
  change: (p: Json) => void = () => {},
): Json & { id: string; name: string; location: string; properties: Json } {
  const body = fixture<Json & { properties: Json }>(`azure/aks/${file}`);
  change(body.properties);
  return {
    ...body,
    name,
    location: 'westeurope',
    id: `${RG}/${group}/providers/Microsoft.ContainerService/managedClusters/${name}`,
  };
}

let n = 0;
function assignment(role: { name: string }, principalId: string, scope: string): Json {
  n += 1;
  const name = `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
  return {
    id: `${scope}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      scope,
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${role.name}`,
      principalId,
      principalType: 'ServicePrincipal',
    },
  };
}

/**
 * Three clusters in one subscription (ARM pages of 2): `aks-public` (the Get example),
 * `aks-private` (the private example, with a kubelet identity that pulls from acr1, a subnet
 * NSG and audit logs) and `aks-rbac` (the Azure RBAC example), plus an empty subscription.
 */
export function aksEstate(): EstateInput {
  const privateCluster = armCluster('managed-cluster-private.json', 'aks-private', 'rg1', (p) => {
    p['identityProfile'] = {
      kubeletidentity: {
        objectId: KUBELET,
        clientId: 'c',
        resourceId: `${RG}/rg1/providers/Microsoft.ManagedIdentity/userAssignedIdentities/kubelet`,
      },
    };
    p['nodeResourceGroup'] = 'MC_rg1_aks-private_westeurope';
    (p['agentPoolProfiles'] as Json[])[0]!['vnetSubnetID'] = SUBNET;
  });
  return {
    azure: {
      pageSize: 2,
      subscriptions: {
        [SUB]: {
          displayName: 'prod',
          resourceGroups: [
            { name: 'rg1', location: 'westeurope' },
            { name: 'rg2', location: 'westeurope' },
          ],
          managedClusters: [
            { cluster: armCluster('managed-cluster-get.json', 'aks-public') },
            {
              cluster: privateCluster,
              related: {
                diagnosticSettings: [
                  {
                    id: `${privateCluster.id}/providers/microsoft.insights/diagnosticSettings/audit`,
                    name: 'audit',
                    properties: {
                      workspaceId: `${RG}/rg1/providers/Microsoft.OperationalInsights/workspaces/ws`,
                      logs: [{ category: 'kube-audit-admin', enabled: true }],
                    },
                  },
                ],
                maintenanceConfigurations: [
                  {
                    id: `${privateCluster.id}/maintenanceConfigurations/aksManagedAutoUpgradeSchedule`,
                    name: 'aksManagedAutoUpgradeSchedule',
                    properties: {},
                  },
                ],
              },
            },
            { cluster: armCluster('managed-cluster-azure-rbac.json', 'aks-rbac', 'rg2') },
          ],
          related: {
            roleAssignments: [
              assignment(
                ROLES.owner as { name: string },
                'owner-principal',
                `/subscriptions/${SUB}`,
              ),
              assignment(
                ROLES.aksRbacClusterAdmin as { name: string },
                'rbac-admins',
                `${RG}/rg2/providers/Microsoft.ContainerService/managedClusters/aks-rbac`,
              ),
              assignment(ROLES.acrPush as { name: string }, KUBELET, ACR),
            ],
            roleDefinitions: Object.values(ROLES),
            defenderPricing: {
              id: `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/Containers`,
              name: 'Containers',
              properties: {
                pricingTier: 'Standard',
                extensions: [{ name: 'ContainerSensor', isEnabled: 'True' }],
              },
            },
            kubernetesVersions: {
              values: [
                { version: '1.33', capabilities: { supportPlan: ['KubernetesOfficial'] } },
                {
                  version: '1.34',
                  isDefault: true,
                  capabilities: { supportPlan: ['KubernetesOfficial', 'AKSLongTermSupport'] },
                },
              ],
            },
            subnets: [
              {
                id: SUBNET,
                name: 'aks',
                properties: {
                  addressPrefix: '10.1.0.0/16',
                  networkSecurityGroup: { id: SUBNET_NSG },
                },
              },
            ],
            networkSecurityGroups: [
              {
                id: SUBNET_NSG,
                name: 'aks-subnet-nsg',
                properties: {
                  securityRules: [
                    {
                      name: 'allow-ssh-anywhere',
                      properties: {
                        access: 'Allow',
                        direction: 'Inbound',
                        priority: 100,
                        protocol: 'Tcp',
                        sourceAddressPrefix: 'Internet',
                        destinationPortRange: '22',
                      },
                    },
                  ],
                },
              },
              {
                id: `${RG}/MC_rg1_aks-private_westeurope/providers/Microsoft.Network/networkSecurityGroups/aks-agentpool-nsg`,
                name: 'aks-agentpool-nsg',
                properties: { securityRules: [] },
              },
            ],
            containerRegistries: [
              {
                id: ACR,
                name: 'acr1',
                properties: {
                  adminUserEnabled: true,
                  publicNetworkAccess: 'Enabled',
                  privateEndpointConnections: [],
                },
              },
            ],
          },
        },
        [SUB_EMPTY]: { displayName: 'dev' },
      },
    },
  };
}
