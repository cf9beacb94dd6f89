import * as z from 'zod';
import { Provider } from './provider';
import type { AksSnapshot } from './snapshot-aks';
import type { EksSnapshot } from './snapshot-eks';
import type { GkeSnapshot } from './snapshot-gke';

/** An API call that failed while collecting one part of a snapshot. */
export const CollectionError = z.object({
  /** `service:Operation`, e.g. `eks:DescribeNodegroup`. */
  operation: z.string().min(1),
  /** The object the call was about (node group name, role ARN, ...), when not the cluster itself. */
  resource: z.string().optional(),
  /** The error's name or code as the SDK reported it (`AccessDeniedException`, `429`, ...). */
  code: z.string(),
  message: z.string(),
});
export type CollectionError = z.infer<typeof CollectionError>;

/**
 * One related object (or list of objects) of a cluster snapshot.
 * - `collected`: the raw API value; `errors` lists sub-calls that failed (the value is incomplete).
 * - `failed`: the call(s) failed; checks that need this part are `unknown` and name the call.
 * - `not_collected`: the input never had it (e.g. an export of DescribeCluster alone).
 */
export type Part<T> =
  | { state: 'collected'; value: T; operations: string[]; errors?: CollectionError[] }
  | { state: 'failed'; errors: CollectionError[] }
  | { state: 'not_collected'; reason: string };

export const PartSchema = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('collected'),
    value: z.unknown(),
    operations: z.array(z.string()),
    errors: z.array(CollectionError).optional(),
  }),
  z.object({ state: z.literal('failed'), errors: z.array(CollectionError).min(1) }),
  z.object({ state: z.literal('not_collected'), reason: z.string() }),
]);

/** The cluster a snapshot describes, in cloud terms. */
export const ResourceRef = z.object({
  /** ARN (EKS), `projects/P/locations/L/clusters/C` (GKE), ARM resource id (AKS). */
  id: z.string().min(1),
  name: z.string().min(1),
  /** AWS account id, GCP project id or Azure subscription id. */
  account: z.string().min(1),
  /** AWS region, GKE location, Azure location. */
  region: z.string().min(1),
});
export type ResourceRef = z.infer<typeof ResourceRef>;

/** Where the cluster object came from: live API calls or an exported file. */
export const Source = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api'), collectedAt: z.iso.datetime({ offset: true }) }),
  z.object({ kind: z.literal('export'), file: z.string(), format: z.string() }),
]);
export type Source = z.infer<typeof Source>;

/** Fields every provider's snapshot carries. */
export interface SnapshotBase {
  provider: Provider;
  ref: ResourceRef;
  source: Source;
}

export type ClusterSnapshot = EksSnapshot | GkeSnapshot | AksSnapshot;

/** Structural schema of any cluster snapshot; provider readers check the raw objects further. */
export const ClusterSnapshotSchema = z.object({
  provider: Provider,
  ref: ResourceRef,
  source: Source,
  cluster: z.record(z.string(), z.unknown()),
  parts: z.record(z.string(), PartSchema),
});

/** A part that the input did not contain, with the reason. */
export function notCollected<T>(reason: string): Part<T> {
  return { state: 'not_collected', reason };
}

/** A part collected from the named API operations. */
export function collected<T>(
  value: T,
  operations: string[],
  errors: CollectionError[] = [],
): Part<T> {
  return errors.length > 0
    ? { state: 'collected', value, operations, errors }
    : { state: 'collected', value, operations };
}

/** A part whose calls failed. */
export function failed<T>(errors: CollectionError[]): Part<T> {
  return { state: 'failed', errors };
}
