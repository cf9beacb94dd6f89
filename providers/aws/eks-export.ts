import * as z from 'zod';
import { formatIssues } from '../../core/config';
import type { EksCluster, EksSnapshot } from '../../core/snapshot-eks';
import { ExportFormatError, type ExportReader } from '../export-reader';
import { isRecord } from '../json-shape';
import { eksPartsNotCollected } from './eks-parts';
import { eksRef } from './eks-ref';

const FORMAT = 'aws-eks-describe-cluster';
const EKS_CLUSTER_ARN = /^arn:aws[a-z-]*:eks:[a-z0-9-]+:\d{12}:cluster\//;

/** The AWS CLI prints timestamps as ISO strings, or as epoch seconds with `cli_timestamp_format = none`. */
const Timestamp = z.union([z.string(), z.number()]);

/**
 * The fields of an EKS `Cluster` that checks read, with their types: a wrong type is an error in
 * the file rather than a check crashing later. Every other field is kept as it is.
 */
const ClusterExport = z.looseObject({
  name: z.string().min(1),
  arn: z.string().regex(EKS_CLUSTER_ARN, 'an EKS cluster ARN').optional(),
  version: z.string().optional(),
  createdAt: Timestamp.optional(),
  status: z.string().optional(),
  resourcesVpcConfig: z
    .looseObject({
      endpointPublicAccess: z.boolean().optional(),
      endpointPrivateAccess: z.boolean().optional(),
      publicAccessCidrs: z.array(z.string()).optional(),
    })
    .optional(),
  logging: z
    .looseObject({
      clusterLogging: z
        .array(
          z.looseObject({
            types: z.array(z.string()).optional(),
            enabled: z.boolean().optional(),
          }),
        )
        .optional(),
    })
    .optional(),
  encryptionConfig: z
    .array(
      z.looseObject({
        resources: z.array(z.string()).optional(),
        provider: z.looseObject({ keyArn: z.string().optional() }).optional(),
      }),
    )
    .optional(),
  accessConfig: z.looseObject({ authenticationMode: z.string().optional() }).optional(),
  deletionProtection: z.boolean().optional(),
  connectorConfig: z.looseObject({ activationExpiry: Timestamp.optional() }).optional(),
});

/** Looks like an EKS Cluster: an EKS cluster ARN, or a name with EKS-only fields. */
function isEksCluster(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const { arn, name } = value;
  if (typeof arn === 'string' && EKS_CLUSTER_ARN.test(arn)) return true;
  return (
    typeof name === 'string' &&
    (isRecord(value['resourcesVpcConfig']) || typeof value['platformVersion'] === 'string')
  );
}

/** `aws eks describe-cluster` output (`{"cluster": {...}}`) or a bare Cluster. */
function isEksItem(value: unknown): boolean {
  return isEksCluster(value) || (isRecord(value) && isEksCluster(value['cluster']));
}

/**
 * Epoch numbers become ISO strings, the form the SDK's Dates take in a snapshot. Numbers above
 * 1e11 are taken as milliseconds (1e11 seconds is the year 5138); below, as seconds.
 * A number outside the range a Date can hold (±8.64e15 ms) is not a timestamp either.
 */
function normalizeTimestamp(value: string | number, path: string): string {
  const ms = typeof value === 'number' ? (value > 1e11 ? value : value * 1000) : Date.parse(value);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) {
    throw new ExportFormatError(`${path}: ${JSON.stringify(value)} is not a timestamp`);
  }
  return typeof value === 'string' ? value : date.toISOString();
}

function readCluster(item: unknown, where: string): EksCluster {
  const raw = isRecord(item) && 'cluster' in item ? item['cluster'] : item;
  const parsed = ClusterExport.safeParse(raw);
  if (!parsed.success) {
    throw new ExportFormatError(`${where}: ${formatIssues(parsed.error).replace(/\n/g, '; ')}`);
  }
  const cluster = parsed.data;
  const label = `${where} (cluster ${cluster.name})`;
  if (cluster.createdAt !== undefined) {
    cluster.createdAt = normalizeTimestamp(cluster.createdAt, `${label}: createdAt`);
  }
  const expiry = cluster.connectorConfig?.activationExpiry;
  if (cluster.connectorConfig && expiry !== undefined) {
    cluster.connectorConfig.activationExpiry = normalizeTimestamp(
      expiry,
      `${label}: connectorConfig.activationExpiry`,
    );
  }
  // Validated above for the fields checks read; the rest is the API object as exported.
  return cluster as EksCluster;
}

/**
 * Reads `aws eks describe-cluster` output, a bare EKS Cluster object, or a list of either.
 * An export holds the cluster alone: its related parts are `not_collected`.
 */
export const eksExportReader: ExportReader = {
  format: FORMAT,
  detect(json) {
    return isEksItem(json) || (Array.isArray(json) && json.length > 0 && json.every(isEksItem));
  },
  read(json, file) {
    const items = Array.isArray(json) ? json : [json];
    return items.map((item, i): EksSnapshot => {
      const cluster = readCluster(item, Array.isArray(json) ? `item ${i + 1}` : 'cluster');
      return {
        provider: 'eks',
        ref: eksRef(cluster),
        source: { kind: 'export', file, format: FORMAT },
        cluster,
        parts: eksPartsNotCollected('a DescribeCluster export'),
      };
    });
  },
};
