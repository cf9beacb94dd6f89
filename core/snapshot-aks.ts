import type {
  KubernetesVersion,
  MaintenanceConfiguration,
  ManagedCluster,
} from '@azure/arm-containerservice';
import type { Part, SnapshotBase } from './snapshot';
import type { Wire } from './wire';

/**
 * AKS `ManagedCluster` in its canonical spelling: the `@azure/arm-containerservice` 25.x model
 * (ARM `properties` flattened, `enableRbac`, `enableFips`, `privateFqdn`), as JSON. ARM REST
 * JSON and `az aks show` output are converted to it in one place (providers/azure/aks-canonical.ts).
 */
export type AksCluster = Wire<ManagedCluster>;
export type AksAgentPool = NonNullable<AksCluster['agentPoolProfiles']>[number];
export type AksKubernetesVersion = Wire<KubernetesVersion>;
export type AksMaintenanceConfiguration = Wire<MaintenanceConfiguration>;

/*
 * The objects below are read with plain ARM REST (no SDK), so they keep the ARM wire shape.
 * Only the fields the checks read are typed; the snapshot holds the whole object.
 */

/** `Microsoft.Insights/diagnosticSettings` (api-version 2021-05-01-preview). */
export interface AzureDiagnosticSetting {
  id?: string;
  name?: string;
  properties?: {
    workspaceId?: string | null;
    storageAccountId?: string | null;
    eventHubAuthorizationRuleId?: string | null;
    eventHubName?: string | null;
    marketplacePartnerId?: string | null;
    logs?: { category?: string | null; categoryGroup?: string | null; enabled?: boolean }[];
  };
}

/** `Microsoft.Authorization/roleAssignments` (api-version 2022-04-01). */
export interface AzureRoleAssignment {
  id?: string;
  name?: string;
  properties?: {
    scope?: string;
    roleDefinitionId?: string;
    principalId?: string;
    principalType?: string;
    condition?: string | null;
  };
}

/** `Microsoft.Authorization/roleDefinitions` (api-version 2022-04-01). */
export interface AzureRoleDefinition {
  id?: string;
  name?: string;
  properties?: {
    roleName?: string;
    type?: string;
    permissions?: {
      actions?: string[];
      notActions?: string[];
      dataActions?: string[];
      notDataActions?: string[];
    }[];
  };
}

/** `Microsoft.Security/pricings/Containers` (api-version 2024-01-01). */
export interface AzureDefenderPricing {
  id?: string;
  name?: string;
  properties?: {
    pricingTier?: string;
    subPlan?: string | null;
    extensions?: { name?: string; isEnabled?: string }[];
  };
}

/** `Microsoft.Network/networkSecurityGroups` (api-version 2024-05-01). */
export interface AzureNetworkSecurityGroup {
  id?: string;
  name?: string;
  properties?: {
    securityRules?: AzureSecurityRule[];
  };
}

export interface AzureSecurityRule {
  id?: string;
  name?: string;
  properties?: {
    access?: string;
    direction?: string;
    priority?: number;
    protocol?: string;
    sourceAddressPrefix?: string;
    sourceAddressPrefixes?: string[];
    destinationPortRange?: string;
    destinationPortRanges?: string[];
  };
}

/** `Microsoft.ContainerRegistry/registries` (api-version 2023-07-01). */
export interface AzureContainerRegistry {
  id?: string;
  name?: string;
  properties?: {
    adminUserEnabled?: boolean;
    publicNetworkAccess?: string;
    privateEndpointConnections?: unknown[];
  };
}

/** Related objects of an AKS cluster; each is fetched once per run (shared ones are cached). */
export interface AksParts {
  /** Diagnostic settings on the cluster resource (`Microsoft.Insights`). */
  diagnosticSettings: Part<AzureDiagnosticSetting[]>;
  /** Role assignments at the cluster's scope and inherited from above (`$filter=atScope()`). */
  clusterRoleAssignments: Part<AzureRoleAssignment[]>;
  /** Role assignments of the kubelet identity anywhere in the subscription. */
  kubeletRoleAssignments: Part<AzureRoleAssignment[]>;
  /** The role definitions referenced by both assignment lists. */
  roleDefinitions: Part<AzureRoleDefinition[]>;
  /** `ManagedClusters_ListKubernetesVersions` for the cluster's location. */
  kubernetesVersions: Part<AksKubernetesVersion[]>;
  /** `MaintenanceConfigurations_ListByManagedCluster`. */
  maintenanceConfigurations: Part<AksMaintenanceConfiguration[]>;
  /** The subscription's Defender for Containers plan. */
  defenderPricing: Part<AzureDefenderPricing>;
  /** NSGs of the agent pools' subnets and of the node resource group. */
  networkSecurityGroups: Part<AzureNetworkSecurityGroup[]>;
  /** Registries the kubelet identity holds a role on (the ones the cluster pulls from). */
  containerRegistries: Part<AzureContainerRegistry[]>;
}

export interface AksSnapshot extends SnapshotBase {
  provider: 'aks';
  cluster: AksCluster;
  parts: AksParts;
}
