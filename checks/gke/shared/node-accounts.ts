import type { GkeSnapshot } from '../../../core/snapshot-gke';
import { effectiveServiceAccount } from './default-sa';
import { napTarget } from './node-targets';

/** Every node service account the cluster uses (pools and auto-provisioning), as written. */
export function nodeServiceAccounts(snapshot: GkeSnapshot): string[] {
  const all = (snapshot.cluster.nodePools ?? []).map((p) =>
    effectiveServiceAccount(p.config?.serviceAccount),
  );
  const nap = napTarget(snapshot);
  if (nap) all.push(effectiveServiceAccount(nap.defaults.serviceAccount));
  return [...new Set(all)];
}
