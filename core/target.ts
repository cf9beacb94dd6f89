import * as z from 'zod';

const AwsAccountId = z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id');
const AwsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1');

/**
 * The clusters of a target's scope that discover listed for it, so the audit describes exactly
 * these and does not list again: EKS cluster names, GKE `location/name`, AKS
 * `resourceGroup/name`. Absent: the audit lists the whole scope itself (discover could not).
 */
const ListedClusterKeys = z.array(z.string().min(1).max(300)).min(1).max(1000);

/** One chunk of a scope with more clusters than one target should hold (1-based). */
const TargetPart = z
  .strictObject({ index: z.number().int().min(1), count: z.number().int().min(2) })
  .refine((p) => p.index <= p.count, { message: 'index must not exceed count' });

const scopeFields = { clusters: ListedClusterKeys.optional(), part: TargetPart.optional() };

/** One unit of collection work: a scope (AWS account+region, GCP project, Azure subscription) or a chunk of one. */
export const Target = z.discriminatedUnion('cloud', [
  z.strictObject({
    cloud: z.literal('aws'),
    account: AwsAccountId,
    region: AwsRegion,
    /** Role to assume in the account; absent means the caller's own credentials. */
    roleArn: z.string().startsWith('arn:').optional(),
    ...scopeFields,
  }),
  z.strictObject({ cloud: z.literal('gcp'), project: z.string().min(1), ...scopeFields }),
  z.strictObject({ cloud: z.literal('azure'), subscription: z.string().min(1), ...scopeFields }),
]);
export type Target = z.infer<typeof Target>;
export type AwsTarget = Extract<Target, { cloud: 'aws' }>;
export type GcpTarget = Extract<Target, { cloud: 'gcp' }>;
export type AzureTarget = Extract<Target, { cloud: 'azure' }>;

/**
 * The scope a target belongs to, whole or in parts: `aws:111122223333/eu-west-1`. Findings and
 * the Security Hub lifecycle are kept per scope, so how a scope is split never changes them.
 */
export function scopeLabel(t: Target): string {
  switch (t.cloud) {
    case 'aws':
      return `aws:${t.account}/${t.region}`;
    case 'gcp':
      return `gcp:${t.project}`;
    case 'azure':
      return `azure:${t.subscription}`;
  }
}

/** A short stable label for logs and summaries: `aws:111122223333/eu-west-1`, a chunk `...#2of3`. */
export function targetLabel(t: Target): string {
  const scope = scopeLabel(t);
  return t.part === undefined ? scope : `${scope}#${t.part.index}of${t.part.count}`;
}
