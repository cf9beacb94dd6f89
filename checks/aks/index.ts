import type { AksCheck } from '../../core/check';
import { aksAcrControls } from './aks-acr-controls';
import { aksAdminGroups } from './aks-admin-groups';
import { aksAuditLogs } from './aks-audit-logs';
import { aksAuthorizedIpRanges } from './aks-authorized-ip-ranges';
import { aksAutoUpgradeChannel } from './aks-auto-upgrade-channel';
import { aksAzureCni } from './aks-azure-cni';
import { aksAzurePolicyAddon } from './aks-azure-policy-addon';
import { aksAzureRbac } from './aks-azure-rbac';
import { aksClusterAdminRoleAssignments } from './aks-cluster-admin-role-assignments';
import { aksContainerInsights } from './aks-container-insights';
import { aksDefenderPlan } from './aks-defender-plan';
import { aksDefenderProfile } from './aks-defender-profile';
import { aksDiskCmk } from './aks-disk-cmk';
import { aksEgressLockdown } from './aks-egress-lockdown';
import { aksEncryptionAtHost } from './aks-encryption-at-host';
import { aksEntraIntegration } from './aks-entra-integration';
import { aksHttpAppRouting } from './aks-http-app-routing';
import { aksImageCleaner } from './aks-image-cleaner';
import { aksKeyvaultCsiRotation } from './aks-keyvault-csi-rotation';
import { aksKmsEtcd } from './aks-kms-etcd';
import { aksKubeletIdentityPrivileges } from './aks-kubelet-identity-privileges';
import { aksKubernetesRbac } from './aks-kubernetes-rbac';
import { aksLocalAccounts } from './aks-local-accounts';
import { aksMaintenanceWindow } from './aks-maintenance-window';
import { aksManagedIdentity } from './aks-managed-identity';
import { aksManagedPrometheus } from './aks-managed-prometheus';
import { aksNetworkPolicy } from './aks-network-policy';
import { aksNodeHardening } from './aks-node-hardening';
import { aksNodeNsgOpen } from './aks-node-nsg-open';
import { aksNodeOsUpgradeChannel } from './aks-node-os-upgrade-channel';
import { aksNodePublicIp } from './aks-node-public-ip';
import { aksNodeRgLockdown } from './aks-node-rg-lockdown';
import { aksNodeSsh } from './aks-node-ssh';
import { aksPoolVersionSkew } from './aks-pool-version-skew';
import { aksPrivateCluster } from './aks-private-cluster';
import { aksPrivateClusterPublicFqdn } from './aks-private-cluster-public-fqdn';
import { aksPublicNetworkAccess } from './aks-public-network-access';
import { aksRunCommand } from './aks-run-command';
import { aksSkuTier } from './aks-sku-tier';
import { aksSupportedVersion } from './aks-supported-version';
import { aksTags } from './aks-tags';
import { aksWorkloadIdentity } from './aks-workload-identity';

/** Every AKS check, sorted by id. */
export const AKS_CHECKS: readonly AksCheck[] = [
  aksAcrControls,
  aksAdminGroups,
  aksAuditLogs,
  aksAuthorizedIpRanges,
  aksAutoUpgradeChannel,
  aksAzureCni,
  aksAzurePolicyAddon,
  aksAzureRbac,
  aksClusterAdminRoleAssignments,
  aksContainerInsights,
  aksDefenderPlan,
  aksDefenderProfile,
  aksDiskCmk,
  aksEgressLockdown,
  aksEncryptionAtHost,
  aksEntraIntegration,
  aksHttpAppRouting,
  aksImageCleaner,
  aksKeyvaultCsiRotation,
  aksKmsEtcd,
  aksKubeletIdentityPrivileges,
  aksKubernetesRbac,
  aksLocalAccounts,
  aksMaintenanceWindow,
  aksManagedIdentity,
  aksManagedPrometheus,
  aksNetworkPolicy,
  aksNodeHardening,
  aksNodeNsgOpen,
  aksNodeOsUpgradeChannel,
  aksNodePublicIp,
  aksNodeRgLockdown,
  aksNodeSsh,
  aksPoolVersionSkew,
  aksPrivateCluster,
  aksPrivateClusterPublicFqdn,
  aksPublicNetworkAccess,
  aksRunCommand,
  aksSkuTier,
  aksSupportedVersion,
  aksTags,
  aksWorkloadIdentity,
];
