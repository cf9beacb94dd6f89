import { withComplianceMappings } from '../../checks/frameworks/mappings/index';
import type { AnyCheck } from '../../core/check';
import type { Cloud } from '../../core/provider';

/** Each cloud's checks, imported (and mapped) once per execution environment. */
const loaded = new Map<Cloud, Promise<readonly AnyCheck[]>>();

async function importChecks(cloud: Cloud): Promise<readonly AnyCheck[]> {
  switch (cloud) {
    case 'aws':
      return (await import('../../checks/eks/index')).EKS_CHECKS;
    case 'gcp':
      return (await import('../../checks/gke/index')).GKE_CHECKS;
    case 'azure':
      return (await import('../../checks/aks/index')).AKS_CHECKS;
  }
}

/**
 * The checks a target of `cloud` runs: that provider's part of the catalog (ALL_CHECKS), with
 * the same framework mappings. Imported when the first target of the cloud comes, so a cold
 * start of one cloud's target never loads the other providers' checks (nor the YAML parser
 * that only an EKS check needs).
 */
export function checksFor(cloud: Cloud): Promise<readonly AnyCheck[]> {
  let checks = loaded.get(cloud);
  if (checks === undefined) {
    checks = importChecks(cloud).then((list) => list.map((c) => withComplianceMappings(c)));
    loaded.set(cloud, checks);
  }
  return checks;
}
