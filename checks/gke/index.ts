import type { GkeCheck } from '../../core/check';

/** Every GKE check, sorted by id. */
export const GKE_CHECKS: readonly GkeCheck[] = [];
