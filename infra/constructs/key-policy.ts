import { createHash } from 'node:crypto';
import { Aws, Stack, Token } from 'aws-cdk-lib';
import {
  AccountRootPrincipal,
  type IPrincipal,
  PolicyDocument,
  PolicyStatement,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';

/**
 * What the account (through IAM policies) may do with a key of ours: administer it, never use it.
 * Written out instead of `kms:*` or the console's `kms:Create*`, which would include
 * `kms:CreateGrant` and so let an IAM policy hand out use of the key.
 */
export const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
] as const;

/** What a reader or writer of SSE-KMS objects needs: S3 asks for both on its behalf. */
export const S3_OBJECT_KEY_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;

/**
 * A key policy whose only statement lets the account administer the key (CloudFormation and key
 * administrators go through it; KMS refuses a policy that would lock them out). Every use of the
 * key must be added by name, so no IAM policy alone can decrypt with it.
 */
export function administeredKeyPolicy(): PolicyDocument {
  return new PolicyDocument({
    statements: [
      new PolicyStatement({
        sid: 'AccountAdministersKeyButCannotUseIt',
        principals: [new AccountRootPrincipal()],
        actions: [...KEY_ADMIN_ACTIONS],
        resources: ['*'],
      }),
    ],
  });
}

/**
 * Use of a bucket's key by one principal, only through S3 in this Region and only for objects
 * of that bucket (`aws:s3:arn` is the bucket ARN with S3 Bucket Keys, the object ARN without).
 */
export function useThroughS3(
  sid: string,
  principal: IPrincipal,
  bucketArn: string,
): PolicyStatement {
  return new PolicyStatement({
    sid,
    principals: [principal],
    actions: [...S3_OBJECT_KEY_ACTIONS],
    resources: ['*'],
    conditions: {
      StringEquals: { 'kms:ViaService': `s3.${Aws.REGION}.amazonaws.com` },
      StringLike: { 'kms:EncryptionContext:aws:s3:arn': [bucketArn, `${bucketArn}/*`] },
    },
  });
}

/** S3 allows 63 characters; `-findings-`, the account, `-` and a Region code (up to 16) take 39. */
const MAX_BUCKET_PREFIX = 24;

/**
 * The findings bucket's name, known before the bucket exists, so the key policy can name the
 * bucket without depending on it (the bucket depends on the key): `<stack>-findings-<account>-<region>`.
 * A stack name too long for S3 is shortened with a hash of it, so names stay distinct.
 */
export function findingsBucketName(scope: Construct): string {
  const stackName = Stack.of(scope).stackName;
  let prefix = Token.isUnresolved(stackName) ? 'mk8s-audit' : stackName.toLowerCase();
  if (prefix.length > MAX_BUCKET_PREFIX) {
    const hash = createHash('sha256').update(stackName).digest('hex').slice(0, 6);
    prefix = `${prefix.slice(0, MAX_BUCKET_PREFIX - 7).replace(/-+$/, '')}-${hash}`;
  }
  return `${prefix}-findings-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/** `arn:<partition>:s3:::<name>` without a reference to the bucket resource. */
export function bucketArnFromName(name: string): string {
  return `arn:${Aws.PARTITION}:s3:::${name}`;
}
