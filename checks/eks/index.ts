import type { EksCheck } from '../../core/check';
import { eksEndpointPublicAccess } from './eks-endpoint-public-access';

/** Every EKS check, sorted by id. */
export const EKS_CHECKS: readonly EksCheck[] = [eksEndpointPublicAccess];
