import { notCollected } from '../../core/snapshot';
import type { AksParts } from '../../core/snapshot-aks';

/**
 * Every part of an AKS snapshot, with the API operations that fill it. A record over
 * `keyof AksParts`, so a new part cannot be added without saying how it is collected, and
 * readers of inputs that lack it (exports, older snapshot files) mark it `not_collected`.
 */
export const AKS_PART_OPERATIONS: Readonly<Record<keyof AksParts, readonly string[]>> = {
  diagnosticSettings: ['insights:DiagnosticSettings.List'],
  // Picked out of the subscription's RoleAssignments.List when it has several clusters.
  clusterRoleAssignments: [
    'authorization:RoleAssignments.ListForScope',
    'authorization:RoleAssignments.List',
  ],
  kubeletRoleAssignments: ['authorization:RoleAssignments.List'],
  roleDefinitions: ['authorization:RoleDefinitions.Get'],
  kubernetesVersions: ['containerservice:ManagedClusters.ListKubernetesVersions'],
  maintenanceConfigurations: ['containerservice:MaintenanceConfigurations.ListByManagedCluster'],
  defenderPricing: ['security:Pricings.Get'],
  networkSecurityGroups: [
    'network:Subnets.Get',
    'network:NetworkSecurityGroups.Get',
    'network:NetworkSecurityGroups.List',
  ],
  containerRegistries: ['containerregistry:Registries.Get'],
};

export const AKS_PART_NAMES = Object.keys(AKS_PART_OPERATIONS) as (keyof AksParts)[];

/** Every part `not_collected`, each with the reason naming what the input lacks. */
export function aksPartsNotCollected(inputKind: string): AksParts {
  const entries = AKS_PART_NAMES.map((name) => [
    name,
    notCollected(`${inputKind} does not contain ${name} (${AKS_PART_OPERATIONS[name].join(', ')})`),
  ]);
  // Every key of AksParts is in AKS_PART_NAMES, each with a not_collected part.
  return Object.fromEntries(entries) as AksParts;
}
