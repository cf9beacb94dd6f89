import type { EksCheck } from '../../core/check';
import { eksAccessEntryClusterAdmin } from './eks-access-entry-cluster-admin';
import { eksAccessEntrySystemMasters } from './eks-access-entry-system-masters';
import { eksAddonVersions } from './eks-addon-versions';
import { eksAuditLogging } from './eks-audit-logging';
import { eksAuthenticationMode } from './eks-authentication-mode';
import { eksBootstrapCreatorAdmin } from './eks-bootstrap-creator-admin';
import { eksClusterRoleLeastPrivilege } from './eks-cluster-role-least-privilege';
import { eksClusterSgIngress } from './eks-cluster-sg-ingress';
import { eksClusterTagged } from './eks-cluster-tagged';
import { eksCniPolicyOnNodeRole } from './eks-cni-policy-on-node-role';
import { eksControlPlaneLoggingTypes } from './eks-control-plane-logging-types';
import { eksDefaultVpc } from './eks-default-vpc';
import { eksDeletionProtection } from './eks-deletion-protection';
import { eksEcrAccess } from './eks-ecr-access';
import { eksEcrScanning } from './eks-ecr-scanning';
import { eksEndpointPrivateAccess } from './eks-endpoint-private-access';
import { eksEndpointPublicAccess } from './eks-endpoint-public-access';
import { eksEndpointPublicCidrsOpen } from './eks-endpoint-public-cidrs-open';
import { eksExtendedSupportPolicy } from './eks-extended-support-policy';
import { eksGuardDutyAuditLogs } from './eks-guardduty-audit-logs';
import { eksGuardDutyRuntime } from './eks-guardduty-runtime';
import { eksHealthIssues } from './eks-health-issues';
import { eksIdpConfigTagged } from './eks-idp-config-tagged';
import { eksIrsaTrustUnscoped } from './eks-irsa-trust-unscoped';
import { eksLbTls } from './eks-lb-tls';
import { eksLogGroupRetention } from './eks-log-group-retention';
import { eksNetworkPolicyEnforced } from './eks-network-policy-enforced';
import { eksNodeImdsv2Hoplimit } from './eks-node-imdsv2-hoplimit';
import { eksNodeRoleLeastPrivilege } from './eks-node-role-least-privilege';
import { eksNodeVolumeEncryption } from './eks-node-volume-encryption';
import { eksNodegroupSshOpen } from './eks-nodegroup-ssh-open';
import { eksNodegroupVersionSkew } from './eks-nodegroup-version-skew';
import { eksPlatformVersion } from './eks-platform-version';
import { eksPrivateNodes } from './eks-private-nodes';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { eksSecretsKmsKeyQuality } from './eks-secrets-kms-key-quality';
import { eksSupportedVersion } from './eks-supported-version';
import { eksWorkloadIdentityAvailable } from './eks-workload-identity-available';

/** Every EKS check, sorted by id. */
export const EKS_CHECKS: readonly EksCheck[] = [
  eksAccessEntryClusterAdmin,
  eksAccessEntrySystemMasters,
  eksAddonVersions,
  eksAuditLogging,
  eksAuthenticationMode,
  eksBootstrapCreatorAdmin,
  eksClusterRoleLeastPrivilege,
  eksClusterSgIngress,
  eksClusterTagged,
  eksCniPolicyOnNodeRole,
  eksControlPlaneLoggingTypes,
  eksDefaultVpc,
  eksDeletionProtection,
  eksEcrAccess,
  eksEcrScanning,
  eksEndpointPrivateAccess,
  eksEndpointPublicAccess,
  eksEndpointPublicCidrsOpen,
  eksExtendedSupportPolicy,
  eksGuardDutyAuditLogs,
  eksGuardDutyRuntime,
  eksHealthIssues,
  eksIdpConfigTagged,
  eksIrsaTrustUnscoped,
  eksLbTls,
  eksLogGroupRetention,
  eksNetworkPolicyEnforced,
  eksNodeImdsv2Hoplimit,
  eksNodeRoleLeastPrivilege,
  eksNodeVolumeEncryption,
  eksNodegroupSshOpen,
  eksNodegroupVersionSkew,
  eksPlatformVersion,
  eksPrivateNodes,
  eksSecretsEncryption,
  eksSecretsKmsKeyQuality,
  eksSupportedVersion,
  eksWorkloadIdentityAvailable,
];
