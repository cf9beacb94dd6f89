import type { AuthClient } from 'google-auth-library';

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
  /** Clusters collected at the same time within one project (default 4). */
  concurrency?: number;
  /** Attempts per REST call on 429/5xx (default 3). */
  maxAttempts?: number;
  /** The clock stamped on snapshots as `collectedAt` (default: the system clock). */
  now?: () => Date;
}
