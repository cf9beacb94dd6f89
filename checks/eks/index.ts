import type { EksCheck } from '../../core/check';
import { eksAuditLogging } from './eks-audit-logging';
import { eksAuthenticationMode } from './eks-authentication-mode';
import { eksControlPlaneLoggingTypes } from './eks-control-plane-logging-types';
import { eksDeletionProtection } from './eks-deletion-protection';
import { eksEndpointPublicAccess } from './eks-endpoint-public-access';
import { eksEndpointPublicCidrsOpen } from './eks-endpoint-public-cidrs-open';
import { eksSecretsEncryption } from './eks-secrets-encryption';
import { eksSupportedVersion } from './eks-supported-version';

/** Every EKS check, sorted by id. */
export const EKS_CHECKS: readonly EksCheck[] = [
  eksAuditLogging,
  eksAuthenticationMode,
  eksControlPlaneLoggingTypes,
  eksDeletionProtection,
  eksEndpointPublicAccess,
  eksEndpointPublicCidrsOpen,
  eksSecretsEncryption,
  eksSupportedVersion,
];
