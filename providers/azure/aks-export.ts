import type { AksParts, AksSnapshot } from '../../core/snapshot-aks';
import { ExportFormatError, type ExportReader } from '../export-reader';
import { aksSpelling, canonicalManagedCluster, isManagedCluster } from './aks-canonical';
import { aksPartsNotCollected } from './aks-parts';
import { aksRef } from './aks-ref';

/** Parts an export never has: the checks that need them are `unknown` and say so. */
export function exportParts(): AksParts {
  return aksPartsNotCollected('an exported ManagedCluster');
}

/** The ManagedCluster objects of an export, with where each sits in the file. */
function clustersOf(json: unknown): { value: unknown; where: string }[] {
  if (Array.isArray(json)) return json.map((value, i) => ({ value, where: `[${i}]` }));
  if (typeof json === 'object' && json !== null && 'value' in json && Array.isArray(json.value)) {
    return json.value.map((value: unknown, i: number) => ({ value, where: `value[${i}]` }));
  }
  return [{ value: json, where: '(root)' }];
}

function looksLikeClusters(json: unknown): boolean {
  const items = clustersOf(json);
  // An empty ARM list (`{"value": []}`) is claimed: it holds no clusters. An empty array is not,
  // since every CLI prints `[]` for an empty list.
  if (items.length === 0) return !Array.isArray(json);
  return items.every((item) => isManagedCluster(item.value));
}

/**
 * Reads an ARM ManagedCluster, an ARM list (`{"value": [...]}`), `az aks show` output and
 * `az aks list` output (an array), in either spelling.
 */
export const aksExportReader: ExportReader = {
  format: 'azure-aks-managed-cluster',
  detect(json) {
    if (typeof json === 'object' && json !== null && !Array.isArray(json) && 'value' in json) {
      return Array.isArray(json.value) && looksLikeClusters(json);
    }
    return looksLikeClusters(json);
  },
  read(json, file) {
    return clustersOf(json).map(({ value, where }): AksSnapshot => {
      if (!isManagedCluster(value)) {
        throw new ExportFormatError(
          `${where}: not a Microsoft.ContainerService/managedClusters object`,
        );
      }
      const cluster = canonicalManagedCluster(value, where);
      const spelling = aksSpelling(value as Record<string, unknown>);
      return {
        provider: 'aks',
        ref: aksRef(cluster),
        source: { kind: 'export', file, format: `${aksExportReader.format}-${spelling}` },
        cluster,
        parts: exportParts(),
      };
    });
  },
};
