import type { AuthClient } from 'google-auth-library';
import type { CallLimiter } from '../../core/call-limiter';
import type { SharedCache } from '../../core/run-cache';

export interface GcpCollectorOptions {
  /**
   * One base URL for every Google API (`http://127.0.0.1:4566`, a local stand-in): the GKE
   * client gets its protocol, host and port, REST calls use it as their base. Default: the real
   * `*.googleapis.com` hosts.
   */
  endpoint?: string;
  /**
   * The credentials of every call. Default: Application Default Credentials (gcloud ADC
   * locally; in Lambda an `external_account` Workload Identity Federation configuration).
   */
  authClient?: AuthClient;
  /**
   * Every Google API call of this collector takes a slot of this limiter (default: a limiter of
   * `DEFAULT_CALLS_IN_FLIGHT.gcp`); share one per process to bound the calls of all its targets.
   */
  calls?: CallLimiter;
  /** Clusters collected at the same time within one project (default: the limiter's limit). */
  concurrency?: number;
  /** Attempts per call on 429/5xx and timeouts (default 6, `GCP_MAX_ATTEMPTS`). */
  maxAttempts?: number;
  /**
   * Objects shared by the run's targets of a project (its project, IAM policy, services, disks,
   * a location's server config, a network project's firewalls, subnetworks), when the cache
   * outlives this collector (a Lambda execution environment's, functions/audit-target); default:
   * one of this collector's own (entries fresh for `DEFAULT_RUN_CACHE_TTL_MS`). Only objects,
   * never credentials.
   */
  sharedCache?: SharedCache;
  /** The clock stamped on snapshots as `collectedAt` (default: the system clock). */
  now?: () => Date;
}
