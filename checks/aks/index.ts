import type { AksCheck } from '../../core/check';

/** Every AKS check, sorted by id. */
export const AKS_CHECKS: readonly AksCheck[] = [];
