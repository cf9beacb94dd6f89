import * as z from 'zod';
import { formatIssues } from '../core/config';
import { type ClusterSnapshot, ClusterSnapshotSchema } from '../core/snapshot';
import { eksPartsNotCollected } from './aws/eks-parts';
import { aksPartsNotCollected } from './azure/aks-parts';
import { ExportFormatError, type ExportReader } from './export-reader';
import { gkePartsNotCollected } from './gcp/gke-parts';
import { isRecord } from './json-shape';

export const SNAPSHOT_FILE_FORMAT = 'mk8s-audit-snapshot';
export const SNAPSHOT_FILE_VERSION = 1;

/** What `mk8s-audit collect` writes: every collected cluster with all its parts. */
export const SnapshotFile = z.object({
  format: z.literal(SNAPSHOT_FILE_FORMAT),
  version: z.literal(SNAPSHOT_FILE_VERSION),
  clusters: z.array(ClusterSnapshotSchema),
});
export interface SnapshotFile {
  format: typeof SNAPSHOT_FILE_FORMAT;
  version: typeof SNAPSHOT_FILE_VERSION;
  clusters: ClusterSnapshot[];
}

export function toSnapshotFile(clusters: ClusterSnapshot[]): SnapshotFile {
  return { format: SNAPSHOT_FILE_FORMAT, version: SNAPSHOT_FILE_VERSION, clusters };
}

/**
 * A snapshot written by an older version lacks the parts added since: they are `not_collected`
 * rather than missing, so the checks that need them say so.
 */
function withAllParts(snapshot: ClusterSnapshot): ClusterSnapshot {
  if (snapshot.provider === 'eks') {
    return {
      ...snapshot,
      parts: { ...eksPartsNotCollected('the snapshot file'), ...snapshot.parts },
    };
  }
  if (snapshot.provider === 'gke') {
    return {
      ...snapshot,
      parts: { ...gkePartsNotCollected('the snapshot file'), ...snapshot.parts },
    };
  }
  if (snapshot.provider === 'aks') {
    return {
      ...snapshot,
      parts: { ...aksPartsNotCollected('the snapshot file'), ...snapshot.parts },
    };
  }
  return snapshot;
}

/** Reads the tool's own snapshot file, for every provider. */
export const snapshotFileReader: ExportReader = {
  format: SNAPSHOT_FILE_FORMAT,
  detect(json) {
    return isRecord(json) && json['format'] === SNAPSHOT_FILE_FORMAT;
  },
  read(json) {
    if (isRecord(json) && json['version'] !== SNAPSHOT_FILE_VERSION) {
      throw new ExportFormatError(
        `snapshot file version ${JSON.stringify(json['version'])} is not supported (this version of mk8s-audit reads version ${SNAPSHOT_FILE_VERSION})`,
      );
    }
    const parsed = SnapshotFile.safeParse(json);
    if (!parsed.success) {
      throw new ExportFormatError(
        `not a valid snapshot file: ${formatIssues(parsed.error).replace(/\n/g, '; ')}`,
      );
    }
    // The schema checks the structure every provider shares; the cluster objects and parts are
    // the raw API objects the collector wrote, typed per provider.
    return (parsed.data.clusters as unknown as ClusterSnapshot[]).map(withAllParts);
  },
};
