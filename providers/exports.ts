import type { ClusterSnapshot } from '../core/snapshot';
import { eksExportReader } from './aws/eks-export';
import { aksExportReader } from './azure/aks-export';
import { ExportFormatError, type ExportReader } from './export-reader';
import { GKE_EXPORT_READERS } from './gcp/gke-export';
import { snapshotFileReader } from './snapshot-file';

/** Every export format the offline scan understands; the first reader that detects a file reads it. */
export const EXPORT_READERS: readonly ExportReader[] = [
  snapshotFileReader,
  eksExportReader,
  ...GKE_EXPORT_READERS,
  aksExportReader,
];

/**
 * The cluster snapshots in one parsed export file. Throws ExportFormatError naming the file
 * when no reader knows the shape, or when the known shape holds a bad value.
 */
export function readExport(json: unknown, file: string): ClusterSnapshot[] {
  if (Array.isArray(json) && json.length === 0) return [];
  const reader = EXPORT_READERS.find((r) => r.detect(json));
  if (reader === undefined) {
    throw new ExportFormatError(
      `${file}: not a known export (known formats: ${EXPORT_READERS.map((r) => r.format).join(', ')})`,
    );
  }
  try {
    return reader.read(json, file);
  } catch (error) {
    if (error instanceof ExportFormatError) {
      throw new ExportFormatError(`${file}: invalid ${reader.format} input: ${error.message}`);
    }
    throw error;
  }
}
