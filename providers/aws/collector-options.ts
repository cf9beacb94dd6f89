import type { EKSClientConfig } from '@aws-sdk/client-eks';
import type { CallLimiter } from '../../core/call-limiter';
import type { SharedCache } from '../../core/run-cache';

/** An identity or an identity provider, as every AWS SDK v3 client accepts it. */
export type AwsCredentials = NonNullable<EKSClientConfig['credentials']>;

export interface AwsCollectorOptions {
  /** One base URL for every AWS client (a local stand-in of the APIs); default: the real endpoints. */
  endpoint?: string;
  /** Default: the SDK's default credential chain (env, SSO, profiles, instance/container role). */
  credentials?: AwsCredentials;
  /** A named profile of the shared config files, for the default chain. */
  profile?: string;
  /** SDK attempts per call, in adaptive retry mode (default 8, `AWS_RETRY`). */
  maxAttempts?: number;
  /**
   * Role assumed in each target account that is not the caller's own
   * (`arn:<partition>:iam::<account>:role/<roleName>`). A target's own `roleArn` wins.
   */
  assumeRole?: { roleName: string; externalId?: string };
  /**
   * Every AWS API call of this collector takes a slot of this limiter (default: a limiter of
   * `DEFAULT_CALLS_IN_FLIGHT.aws`); share one per process to bound the calls of all its targets.
   */
  calls?: CallLimiter;
  /** Clusters collected at the same time within one target (default: the limiter's limit). */
  concurrency?: number;
  /**
   * How long objects shared across targets (an account's IAM roles, role list and OIDC
   * providers; a region's EKS versions) are reused, from their first fetch (default 10 minutes):
   * the targets of one run share them, the next run in a reused Lambda environment asks again.
   */
  sharedCacheTtlMs?: number;
  /**
   * The cache of those shared objects, when it outlives this collector (a Lambda execution
   * environment's, functions/audit-target); default: one of this collector's own, with
   * `sharedCacheTtlMs`. Only objects go in it, never credentials or clients.
   */
  sharedCache?: SharedCache;
  /** The clock stamped on snapshots as `collectedAt` (default: the system clock). */
  now?: () => Date;
}
