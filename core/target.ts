import * as z from 'zod';

const AwsAccountId = z.string().regex(/^\d{12}$/, 'a 12-digit AWS account id');
const AwsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-west-1');

/** One unit of collection work. */
export const Target = z.discriminatedUnion('cloud', [
  z.strictObject({
    cloud: z.literal('aws'),
    account: AwsAccountId,
    region: AwsRegion,
    /** Role to assume in the account; absent means the caller's own credentials. */
    roleArn: z.string().startsWith('arn:').optional(),
  }),
  z.strictObject({ cloud: z.literal('gcp'), project: z.string().min(1) }),
  z.strictObject({ cloud: z.literal('azure'), subscription: z.string().min(1) }),
]);
export type Target = z.infer<typeof Target>;
export type AwsTarget = Extract<Target, { cloud: 'aws' }>;
export type GcpTarget = Extract<Target, { cloud: 'gcp' }>;
export type AzureTarget = Extract<Target, { cloud: 'azure' }>;

/** A short stable label for logs and summaries: `aws:111122223333/eu-west-1`. */
export function targetLabel(t: Target): string {
  switch (t.cloud) {
    case 'aws':
      return `aws:${t.account}/${t.region}`;
    case 'gcp':
      return `gcp:${t.project}`;
    case 'azure':
      return `azure:${t.subscription}`;
  }
}
