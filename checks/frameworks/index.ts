import { CIS_AKS_1_8_0 } from './cis-aks-1.8.0';
import { CIS_EKS_1_8_0 } from './cis-eks-1.8.0';
import { CIS_GKE_1_9_0 } from './cis-gke-1.9.0';
import type { Framework } from './types';

/** Every framework the catalog maps to. */
export const FRAMEWORKS: readonly Framework[] = [CIS_EKS_1_8_0, CIS_GKE_1_9_0, CIS_AKS_1_8_0];

export function findFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}
