import type { GkeCheck } from '../../core/check';
import { gkeAlphaCluster } from './gke-alpha-cluster';
import { gkeAuthorizedNetworks } from './gke-authorized-networks';
import { gkeBasicAuth } from './gke-basic-auth';
import { gkeBinaryAuthorization } from './gke-binary-authorization';
import { gkeBootDiskCmek } from './gke-boot-disk-cmek';
import { gkeClientCertificate } from './gke-client-certificate';
import { gkeCosImage } from './gke-cos-image';
import { gkeDashboard } from './gke-dashboard';
import { gkeDefaultNetwork } from './gke-default-network';
import { gkeGoogleGroupsRbac } from './gke-google-groups-rbac';
import { gkeIamClusterAdminBindings } from './gke-iam-cluster-admin-bindings';
import { gkeImageScanningApi } from './gke-image-scanning-api';
import { gkeIntegrityMonitoring } from './gke-integrity-monitoring';
import { gkeIntranodeVisibilityFlowlogs } from './gke-intranode-visibility-flowlogs';
import { gkeK8sDataAccessAudit } from './gke-k8s-data-access-audit';
import { gkeKubeletReadonlyPort } from './gke-kubelet-readonly-port';
import { gkeLabels } from './gke-labels';
import { gkeLegacyAbac } from './gke-legacy-abac';
import { gkeLegacyMetadataEndpoints } from './gke-legacy-metadata-endpoints';
import { gkeLogging } from './gke-logging';
import { gkeMaintenanceNotifications } from './gke-maintenance-notifications';
import { gkeMonitoring } from './gke-monitoring';
import { gkeNetworkPolicy } from './gke-network-policy';
import { gkeNodeAutoRepair } from './gke-node-auto-repair';
import { gkeNodeAutoUpgrade } from './gke-node-auto-upgrade';
import { gkeNodeDefaultSa } from './gke-node-default-sa';
import { gkeNodeFirewallOpen } from './gke-node-firewall-open';
import { gkeNodeOauthScopes } from './gke-node-oauth-scopes';
import { gkeNodeSaRoles } from './gke-node-sa-roles';
import { gkePdCmek } from './gke-pd-cmek';
import { gkePrivateGoogleAccess } from './gke-private-google-access';
import { gkePrivateNodes } from './gke-private-nodes';
import { gkePublicEndpoint } from './gke-public-endpoint';
import { gkeRegionalControlPlane } from './gke-regional-control-plane';
import { gkeRegistryAccess } from './gke-registry-access';
import { gkeReleaseChannel } from './gke-release-channel';
import { gkeSandbox } from './gke-sandbox';
import { gkeSecretsEncryptionCmek } from './gke-secrets-encryption-cmek';
import { gkeSecureBoot } from './gke-secure-boot';
import { gkeSecurityPosture } from './gke-security-posture';
import { gkeShieldedNodes } from './gke-shielded-nodes';
import { gkeVersionSkewSupport } from './gke-version-skew-support';
import { gkeVpcNative } from './gke-vpc-native';
import { gkeWorkloadIdentity } from './gke-workload-identity';

/** Every GKE check, sorted by id. */
export const GKE_CHECKS: readonly GkeCheck[] = [
  gkeAlphaCluster,
  gkeAuthorizedNetworks,
  gkeBasicAuth,
  gkeBinaryAuthorization,
  gkeBootDiskCmek,
  gkeClientCertificate,
  gkeCosImage,
  gkeDashboard,
  gkeDefaultNetwork,
  gkeGoogleGroupsRbac,
  gkeIamClusterAdminBindings,
  gkeImageScanningApi,
  gkeIntegrityMonitoring,
  gkeIntranodeVisibilityFlowlogs,
  gkeK8sDataAccessAudit,
  gkeKubeletReadonlyPort,
  gkeLabels,
  gkeLegacyAbac,
  gkeLegacyMetadataEndpoints,
  gkeLogging,
  gkeMaintenanceNotifications,
  gkeMonitoring,
  gkeNetworkPolicy,
  gkeNodeAutoRepair,
  gkeNodeAutoUpgrade,
  gkeNodeDefaultSa,
  gkeNodeFirewallOpen,
  gkeNodeOauthScopes,
  gkeNodeSaRoles,
  gkePdCmek,
  gkePrivateGoogleAccess,
  gkePrivateNodes,
  gkePublicEndpoint,
  gkeRegionalControlPlane,
  gkeRegistryAccess,
  gkeReleaseChannel,
  gkeSandbox,
  gkeSecretsEncryptionCmek,
  gkeSecureBoot,
  gkeSecurityPosture,
  gkeShieldedNodes,
  gkeVersionSkewSupport,
  gkeVpcNative,
  gkeWorkloadIdentity,
];
