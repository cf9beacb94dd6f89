import type { AksCluster } from '../../core/snapshot-aks';
import { ExportFormatError } from '../export-reader';
import { AKS_SDK_PROPERTY_NAMES } from './aks-sdk-names';

/*
 * One ManagedCluster, three spellings:
 * - ARM REST JSON (the OpenAPI model): settings nested under `properties`, `enableRBAC`,
 *   `enableFIPS`, `privateFQDN`, `authorizedIPRanges`.
 * - `@azure/arm-containerservice` 25.x: `properties` flattened, `enableRbac`, `enableFips`,
 *   `privateFqdn`, but still `authorizedIPRanges`, `vnetSubnetID`.
 * - `az aks show` (the Python SDK's camelCase): flattened, `enableRbac`, `authorizedIpRanges`,
 *   `enableNodePublicIp`, `vnetSubnetId`, and `null` for every unset field.
 *
 * The SDK spelling is canonical: the live collector gets it from the SDK without any conversion,
 * and the checks are typed by the SDK's own model, so a misspelt field is a compile error. The
 * three spellings differ only in letter case, in ARM's kebab-case autoscaler settings
 * (`scale-down-delay-after-add` → `scaleDownDelayAfterAdd`) and in the `properties` nesting, so
 * every key is folded, ignoring case and dashes, onto the SDK's property names. Keys of maps
 * (tags, addon profiles, addon config, identities) are data, never folded.
 */

/** A key with case and dashes ignored: `enableRBAC`, `enableRbac` and `enable-rbac` meet. */
function foldedKey(key: string): string {
  return key.replace(/-/g, '').toLowerCase();
}

/** Folded name → SDK name, for names with one SDK spelling (`tenantID`/`tenantId` are two). */
const CANONICAL_NAME: ReadonlyMap<string, string> = (() => {
  const seen = new Map<string, string | null>();
  for (const name of AKS_SDK_PROPERTY_NAMES) {
    const key = foldedKey(name);
    const prior = seen.get(key);
    seen.set(key, prior === undefined || prior === name ? name : null);
  }
  const table = new Map<string, string>();
  for (const [key, name] of seen) if (name !== null) table.set(key, name);
  return table;
})();

/** Properties whose value is a map from free-form keys to plain strings: copied as they are. */
const STRING_MAPS = new Set(['tags', 'config', 'labels', 'nodeLabels', 'podLabels', 'annotations']);
/** Properties whose value is a map from free-form keys to model objects: keys kept, values folded. */
const OBJECT_MAPS = new Set([
  'addonProfiles',
  'identityProfile',
  'userAssignedIdentities',
  'delegatedResources',
  'kubeDNSOverrides',
  'vnetDNSOverrides',
  'patchVersions',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonicalKey(key: string): string {
  return CANONICAL_NAME.get(foldedKey(key)) ?? key;
}

/** Folds the keys of one model object (and everything under it); drops `null`s (= unset). */
function foldModel(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(foldModel);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [rawKey, child] of Object.entries(value)) {
    if (child === null || child === undefined) continue;
    const key = canonicalKey(rawKey);
    if (STRING_MAPS.has(key) && isObject(child)) out[key] = { ...child };
    else if (OBJECT_MAPS.has(key) && isObject(child)) out[key] = foldMap(child);
    else out[key] = foldModel(child);
  }
  return out;
}

function foldMap(map: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(map)) {
    if (child !== null && child !== undefined) out[key] = foldModel(child);
  }
  return out;
}

/** Which spelling a ManagedCluster object is in (for snapshot provenance and errors). */
export type AksSpelling = 'arm' | 'flattened';

export function aksSpelling(json: Record<string, unknown>): AksSpelling {
  return isObject(json['properties']) ? 'arm' : 'flattened';
}

/**
 * A ManagedCluster in any of the three spellings → the canonical (SDK) shape. Throws
 * ExportFormatError when the object is not a ManagedCluster at all.
 */
export function canonicalManagedCluster(json: unknown, where = 'input'): AksCluster {
  if (!isObject(json)) throw new ExportFormatError(`${where}: a ManagedCluster must be an object`);
  const { properties, ...top } = json;
  if (properties !== undefined && properties !== null && !isObject(properties)) {
    throw new ExportFormatError(`${where}: "properties" must be an object`);
  }
  // ARM nests the settings under `properties`; the SDK and az flatten them to the top level.
  const flat = isObject(properties) ? { ...properties, ...top } : top;
  const cluster = foldModel(flat) as Record<string, unknown>;
  for (const field of ['id', 'name', 'location'] as const) {
    if (typeof cluster[field] !== 'string' || cluster[field] === '') {
      throw new ExportFormatError(
        `${where}: a ManagedCluster needs a non-empty string "${field}" (got ${JSON.stringify(cluster[field] ?? null)})`,
      );
    }
  }
  const pools = cluster['agentPoolProfiles'];
  if (pools !== undefined && !Array.isArray(pools)) {
    throw new ExportFormatError(`${where}: "agentPoolProfiles" must be an array`);
  }
  return cluster as AksCluster;
}

/** True when `json` looks like a ManagedCluster in any spelling. */
export function isManagedCluster(json: unknown): boolean {
  if (!isObject(json)) return false;
  const type = json['type'];
  if (typeof type === 'string')
    return type.toLowerCase() === 'microsoft.containerservice/managedclusters';
  const id = json['id'];
  return (
    typeof id === 'string' &&
    /\/providers\/microsoft\.containerservice\/managedclusters\//i.test(id)
  );
}
