import type { EksCheck } from '../../core/check';
import { eksAccessEntryClusterAdmin } from './eks-access-entry-cluster-admin';
import { eksAccessEntrySystemMasters } from './eks-access-entry-system-masters';
import { eksAuditLogging } from './eks-audit-logging';
import { eksAuthenticationMode } from './eks-authentication-mode';
import { eksBootstrapCreatorAdmin } from './eks-bootstrap-creator-admin';
import { eksClusterTagged } from './eks-cluster-tagged';
import { eksControlPlaneLoggingTypes } from './eks-control-plane-logging-types';
import { eksDeletionProtection } from './eks-deletion-protection';
import { eksEndpointPrivateAccess } from './eks-endpoint-private-access';
import { eksEndpointPublicAccess } from './eks-endpoint-public-access';
import { eksEndpointPublicCidrsOpen } from './eks-endpoint-public-cidrs-open';
import { eksExtendedSupportPolicy } from './eks-extended-support-policy';
import { eksGuardDutyAuditLogs } from './eks-guardduty-audit-logs';
import { eksGuardDutyRuntime } from './eks-guardduty-runtime';
import { eksHealthIssues } from './eks-health-issues';
import { eksIdpConfigTagged } from './eks-idp-config-tagged';
import { eksIrsaTrustUnscoped } from './eks-irsa-trust-unscoped';
import { eksLogGroupRetention } from './eks-log-group-retention';
import { eksNetworkPolicyEnforced } from './eks-network-policy-enforced';
import { eksNodeImdsv2Hoplimit } from './eks-node-imdsv2-hoplimit';
import { eksNodegroupSshOpen } from './eks-nodegroup-ssh-open';
import { eksNodegroupVersionSkew } from './eks-nodegroup-version-skew';
import { eksPlatformVersion } from './eks-platform-version';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { eksSecretsKmsKeyQuality } from './eks-secrets-kms-key-quality';
import { eksSupportedVersion } from './eks-supported-version';

/** Every EKS check, sorted by id. */
export const EKS_CHECKS: readonly EksCheck[] = [
  eksAccessEntryClusterAdmin,
  eksAccessEntrySystemMasters,
  eksAuditLogging,
  eksAuthenticationMode,
  eksBootstrapCreatorAdmin,
  eksClusterTagged,
  eksControlPlaneLoggingTypes,
  eksDeletionProtection,
  eksEndpointPrivateAccess,
  eksEndpointPublicAccess,
  eksEndpointPublicCidrsOpen,
  eksExtendedSupportPolicy,
  eksGuardDutyAuditLogs,
  eksGuardDutyRuntime,
  eksHealthIssues,
  eksIdpConfigTagged,
  eksIrsaTrustUnscoped,
  eksLogGroupRetention,
  eksNetworkPolicyEnforced,
  eksNodeImdsv2Hoplimit,
  eksNodegroupSshOpen,
  eksNodegroupVersionSkew,
  eksPlatformVersion,
  eksSecretsEncryption,
  eksSecretsKmsKeyQuality,
  eksSupportedVersion,
];
