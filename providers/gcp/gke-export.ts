import * as z from 'zod';
import { formatIssues } from '../../core/config';
import type { GkeCluster, GkeSnapshot } from '../../core/snapshot-gke';
import { ExportFormatError, type ExportReader } from '../export-reader';
import { isRecord } from '../json-shape';
import { gkePartsNotCollected } from './gke-parts';
import { gkeRef } from './gke-ref';

const Bool = z.boolean().optional();
const Str = z.string().optional();

/**
 * The fields of a GKE v1 `Cluster` whose type the checks rely on: a wrong type is an error in
 * the file rather than a check misreading it later. Every other field is kept as it is.
 * (Booleans inside node pools are judged by the checks, which report non-boolean values as
 * unknown, so hand-edited exports still load.)
 */
const ClusterExport = z.looseObject({
  name: z.string().min(1),
  selfLink: Str,
  location: Str,
  zone: Str,
  currentMasterVersion: Str,
  network: Str,
  subnetwork: Str,
  loggingService: Str,
  monitoringService: Str,
  enableKubernetesAlpha: Bool,
  resourceLabels: z.record(z.string(), z.string()).optional(),
  locations: z.array(z.string()).optional(),
  legacyAbac: z.looseObject({ enabled: Bool }).optional(),
  privateClusterConfig: z
    .looseObject({ enablePrivateEndpoint: Bool, enablePrivateNodes: Bool })
    .optional(),
  masterAuthorizedNetworksConfig: z
    .looseObject({
      enabled: Bool,
      cidrBlocks: z.array(z.looseObject({ cidrBlock: Str })).optional(),
    })
    .optional(),
  nodePools: z
    .array(
      z.looseObject({
        name: Str,
        version: Str,
        config: z
          .looseObject({
            serviceAccount: Str,
            imageType: Str,
            oauthScopes: z.array(z.string()).optional(),
            metadata: z.record(z.string(), z.string()).optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

/** A GKE Cluster: a name plus a field only GKE has (versions, a container.googleapis.com link). */
function isGkeCluster(value: unknown): boolean {
  if (!isRecord(value) || typeof value['name'] !== 'string') return false;
  const link = value['selfLink'];
  return (
    typeof value['currentMasterVersion'] === 'string' ||
    typeof value['initialClusterVersion'] === 'string' ||
    (typeof link === 'string' && link.includes('container.googleapis.com/'))
  );
}

/** `{"clusters": [...]}` from `projects.locations.clusters.list`; `missingZones` may be beside it. */
function isRestList(value: unknown): value is { clusters: unknown[] } {
  return (
    isRecord(value) &&
    Array.isArray(value['clusters']) &&
    value['clusters'].length > 0 &&
    value['clusters'].every(isGkeCluster)
  );
}

function readCluster(item: unknown, where: string): GkeCluster {
  const parsed = ClusterExport.safeParse(item);
  if (!parsed.success) {
    throw new ExportFormatError(`${where}: ${formatIssues(parsed.error).replace(/\n/g, '; ')}`);
  }
  // Validated above for the fields whose type matters; the rest is the API object as exported.
  return parsed.data as GkeCluster;
}

function snapshots(
  items: unknown[],
  file: string,
  format: string,
  what: string,
  list: boolean,
): GkeSnapshot[] {
  return items.map((item, i) => {
    const cluster = readCluster(item, list ? `item ${i + 1}` : 'cluster');
    return {
      provider: 'gke',
      ref: gkeRef(cluster),
      source: { kind: 'export', file, format },
      cluster,
      parts: gkePartsNotCollected(what),
    };
  });
}

/** `gcloud container clusters describe --format=json`: one Cluster. */
export const gkeDescribeReader: ExportReader = {
  format: 'gcloud-container-clusters-describe',
  detect: isGkeCluster,
  read(json, file) {
    return snapshots([json], file, this.format, 'a gcloud clusters describe export', false);
  },
};

/** `gcloud container clusters list --format=json`: an array of Clusters. */
export const gkeListReader: ExportReader = {
  format: 'gcloud-container-clusters-list',
  detect: (json) => Array.isArray(json) && json.length > 0 && json.every(isGkeCluster),
  read(json, file) {
    return snapshots(json as unknown[], file, this.format, 'a gcloud clusters list export', true);
  },
};

/** The REST `projects.locations.clusters.list` response: `{"clusters": [...]}`. */
export const gkeRestListReader: ExportReader = {
  format: 'gke-rest-list-clusters',
  detect: isRestList,
  read(json, file) {
    const items = isRecord(json) && Array.isArray(json['clusters']) ? json['clusters'] : [];
    return snapshots(items, file, this.format, 'a clusters.list REST export', true);
  },
};

/** The GKE readers, for the export registry. */
export const GKE_EXPORT_READERS: readonly ExportReader[] = [
  gkeDescribeReader,
  gkeListReader,
  gkeRestListReader,
];
