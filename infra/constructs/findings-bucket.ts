import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IPrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  type LifecycleRule,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { FindingsLifecycle } from '../config';
import {
  administeredKeyPolicy,
  bucketArnFromName,
  findingsBucketName,
  useThroughS3,
} from './key-policy';

export interface FindingsBucketProps {
  readonly lifecycle: FindingsLifecycle;
  /** Object Lock default retention in governance mode, in days; absent: no Object Lock. */
  readonly objectLockRetentionDays?: number | undefined;
  /** Days server access logs are kept. @default 365 */
  readonly accessLogsExpireAfterDays?: number;
}

/** Objects of runs live under this prefix (`pipeline/keys.ts`); lifecycle rules apply here. */
export const RUNS_PREFIX = 'runs/';

/**
 * The audit evidence: snapshots, findings and reports of every run. Encrypted with a
 * customer-managed key (rotated yearly) that only the principals given to `allowKeyUse` may use,
 * through S3 and for this bucket only; versioned, TLS-only, never public, access-logged, and
 * kept when the stack is deleted.
 */
export class FindingsBucket extends Construct {
  // Typed as the interfaces: aws-cdk-lib's own classes do not satisfy them under
  // exactOptionalPropertyTypes (optional `isWebsite`), so every consumer takes IBucket.
  public readonly bucket: IBucket;
  public readonly key: Key;
  public readonly accessLogs: IBucket;
  /** The bucket's ARN built from its name: the key policy cannot refer to the bucket itself. */
  private readonly bucketArnByName: string;

  public constructor(scope: Construct, id: string, props: FindingsBucketProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'mk8s-audit findings bucket',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
      policy: administeredKeyPolicy(),
    });
    const bucketName = findingsBucketName(this);
    this.bucketArnByName = bucketArnFromName(bucketName);
    // Server access log delivery supports only SSE-S3 on the target bucket.
    const accessLogs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: [
        {
          id: 'expire-access-logs',
          expiration: Duration.days(props.accessLogsExpireAfterDays ?? 365),
          noncurrentVersionExpiration: Duration.days(30),
        },
      ],
    });
    this.accessLogs = accessLogs as IBucket;
    // No AwsSolutions-S1 finding here: cdk-nag recognizes a server-access-log destination.
    const bucket = new Bucket(this, 'Bucket', {
      bucketName,
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogs,
      serverAccessLogsPrefix: 'findings/',
      removalPolicy: RemovalPolicy.RETAIN,
      lifecycleRules: lifecycleRules(props.lifecycle),
      ...(props.objectLockRetentionDays === undefined
        ? {}
        : {
            objectLockEnabled: true,
            objectLockDefaultRetention: ObjectLockRetention.governance(
              Duration.days(props.objectLockRetentionDays),
            ),
          }),
    });
    this.bucket = bucket as IBucket;
  }

  /**
   * Lets `principal` read and write objects of this bucket with its key (through S3 only). Its
   * IAM policy must still allow the S3 actions; the key policy alone grants no object access.
   */
  public allowKeyUse(sid: string, principal: IPrincipal): void {
    this.key.addToResourcePolicy(useThroughS3(sid, principal, this.bucketArnByName));
  }
}

function lifecycleRules(l: FindingsLifecycle): LifecycleRule[] {
  const transitions = [
    {
      storageClass: StorageClass.INFREQUENT_ACCESS,
      transitionAfter: Duration.days(l.infrequentAccessAfterDays),
    },
    ...(l.glacierAfterDays === undefined
      ? []
      : [
          {
            storageClass: StorageClass.GLACIER,
            transitionAfter: Duration.days(l.glacierAfterDays),
          },
        ]),
  ];
  return [
    {
      id: 'run-history',
      prefix: RUNS_PREFIX,
      transitions,
      ...(l.expireAfterDays === undefined ? {} : { expiration: Duration.days(l.expireAfterDays) }),
      noncurrentVersionExpiration: Duration.days(l.noncurrentVersionsExpireAfterDays),
    },
    {
      // Athena cannot read Glacier objects: the history only moves to Standard-IA.
      id: 'findings-history',
      prefix: 'findings-history/',
      transitions: transitions.slice(0, 1),
      ...(l.expireAfterDays === undefined ? {} : { expiration: Duration.days(l.expireAfterDays) }),
      noncurrentVersionExpiration: Duration.days(l.noncurrentVersionsExpireAfterDays),
    },
    // The Security Hub run state is rewritten by every run: earlier versions kept 30 days.
    {
      id: 'securityhub-state',
      prefix: 'state/',
      noncurrentVersionExpiration: Duration.days(30),
    },
    // Working files: Map Run results and Athena query results.
    ...['map-results/', 'athena-results/'].map((prefix) => ({
      id: `expire-${prefix.slice(0, -1)}`,
      prefix,
      expiration: Duration.days(30),
      noncurrentVersionExpiration: Duration.days(1),
    })),
    { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(7) },
  ];
}
