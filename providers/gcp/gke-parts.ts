import { notCollected } from '../../core/snapshot';
import type { GkeParts } from '../../core/snapshot-gke';

/**
 * Every part of a GKE snapshot, with the API operations that fill it. A record over
 * `keyof GkeParts`, so a new part cannot be added without saying how it is collected, and
 * readers of inputs that lack it (exports, older snapshot files) mark it `not_collected`.
 */
export const GKE_PART_OPERATIONS: Readonly<Record<keyof GkeParts, readonly string[]>> = {
  project: ['cloudresourcemanager:projects.get'],
  iamPolicy: ['cloudresourcemanager:projects.getIamPolicy'],
  serverConfig: ['container:projects.locations.getServerConfig'],
  upgradeInfo: ['container:projects.locations.clusters.fetchClusterUpgradeInfo'],
  firewalls: ['compute:firewalls.list'],
  subnetwork: ['compute:subnetworks.get'],
  services: ['serviceusage:services.get'],
  disks: ['compute:disks.aggregatedList'],
};

export const GKE_PART_NAMES = Object.keys(GKE_PART_OPERATIONS) as (keyof GkeParts)[];

/** Every part `not_collected`, each with the reason naming what the input lacks. */
export function gkePartsNotCollected(inputKind: string): GkeParts {
  const entries = GKE_PART_NAMES.map((name) => [
    name,
    notCollected(`${inputKind} does not contain ${name} (${GKE_PART_OPERATIONS[name].join(', ')})`),
  ]);
  // Every key of GkeParts is in GKE_PART_NAMES, each with a not_collected part.
  return Object.fromEntries(entries) as GkeParts;
}
