import { CIS_AKS_1_8_0 } from './cis-aks-1.8.0';
import { CIS_EKS_1_8_0 } from './cis-eks-1.8.0';
import { CIS_GKE_1_9_0 } from './cis-gke-1.9.0';
import { HIPAA_SECURITY_RULE } from './hipaa-security-rule';
import { ISO_27001_2022 } from './iso-27001-2022';
import { NIST_800_53_R5 } from './nist-800-53-r5';
import { PCI_DSS_4_0_1 } from './pci-dss-4.0.1';
import { SOC2_2017 } from './soc2-2017';
import type { Framework } from './types';

/** Every framework the catalog maps to. */
export const FRAMEWORKS: readonly Framework[] = [
  CIS_EKS_1_8_0,
  CIS_GKE_1_9_0,
  CIS_AKS_1_8_0,
  PCI_DSS_4_0_1,
  SOC2_2017,
  HIPAA_SECURITY_RULE,
  ISO_27001_2022,
  NIST_800_53_R5,
];

export function findFramework(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id);
}
