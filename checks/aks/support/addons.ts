import type { AksCluster } from '../../../core/snapshot-aks';

type AddonProfile = NonNullable<AksCluster['addonProfiles']>[string];

/**
 * An addon profile by name, compared case-insensitively: ARM, the SDKs and `az` all return
 * `omsagent`, `omsAgent` or `OMSAgent` depending on how the cluster was created.
 */
export function findAddon(
  cluster: AksCluster,
  name: string,
): { key: string; profile: AddonProfile } | undefined {
  const wanted = name.toLowerCase();
  for (const [key, profile] of Object.entries(cluster.addonProfiles ?? {})) {
    if (key.toLowerCase() === wanted) return { key, profile };
  }
  return undefined;
}

/** An addon's config value, with the config key compared case-insensitively. */
export function addonConfig(profile: AddonProfile, key: string): string | undefined {
  const wanted = key.toLowerCase();
  for (const [k, v] of Object.entries(profile.config ?? {})) {
    if (k.toLowerCase() === wanted) return v;
  }
  return undefined;
}

/** `cluster.addonProfiles.<key>` with the key as the input spelled it. */
export function addonPath(key: string, field?: string): string {
  return field ? `cluster.addonProfiles.${key}.${field}` : `cluster.addonProfiles.${key}`;
}
