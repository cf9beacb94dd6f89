import type { AnyCheck } from '../core/check';
import { AKS_CHECKS } from './aks';
import { EKS_CHECKS } from './eks';
import { withComplianceMappings } from './frameworks/mappings/index';
import { GKE_CHECKS } from './gke';

/**
 * The catalog: every check of every provider, whose metadata also cites the frameworks mapped
 * through control themes (PCI DSS, SOC 2, HIPAA, ISO 27001, NIST 800-53).
 */
export const ALL_CHECKS: readonly AnyCheck[] = [...EKS_CHECKS, ...GKE_CHECKS, ...AKS_CHECKS].map(
  (c) => withComplianceMappings(c),
);

/** A check by its id or one of its aliases. */
export function findCheck(id: string): AnyCheck | undefined {
  return ALL_CHECKS.find((c) => c.meta.id === id || (c.meta.aliases ?? []).includes(id));
}
