import type { TokenCredential } from '@azure/core-auth';
import type { CallLimiter } from '../../core/call-limiter';
import type { SharedCache } from '../../core/run-cache';

export interface AzureCollectorOptions {
  /**
   * Base URL of Azure Resource Manager (default `https://management.azure.com`). An `http://` URL
   * (a local stand-in of ARM) is reached through an `https://` base that is downgraded after the
   * bearer-token policy has run, since that policy refuses plain http (toolchain.md §6, option B).
   */
  endpoint?: string;
  /** Default: `DefaultAzureCredential` (environment, workload identity, managed identity, az CLI). */
  credential?: TokenCredential;
  /** Retries of a throttled or failed call (default 6, `AZURE_MAX_RETRIES`). */
  maxRetries?: number;
  /**
   * Every ARM call of this collector takes a slot of this limiter (default: a limiter of
   * `DEFAULT_CALLS_IN_FLIGHT.azure`); share one per process to bound the calls of all its targets.
   */
  calls?: CallLimiter;
  /** Clusters collected at the same time within one subscription (default: the limiter's limit). */
  concurrency?: number;
  /**
   * Objects shared by the run's targets (a location's Kubernetes versions, a subscription's
   * Defender plan, role definitions, registries, NSGs), when the cache outlives this collector
   * (a Lambda execution environment's, functions/audit-target); default: one of this collector's
   * own (entries fresh for `DEFAULT_RUN_CACHE_TTL_MS`). Only objects, never credentials.
   */
  sharedCache?: SharedCache;
  /** The clock stamped on snapshots as `collectedAt` (default: the system clock). */
  now?: () => Date;
}

export const ARM_ENDPOINT = 'https://management.azure.com';
