import type { TokenCredential } from '@azure/core-auth';
import type { ClusterSnapshot } from '../core/snapshot';
import type { AzureTarget } from '../core/target';
import { toAzureCollectionError } from '../providers/azure/collection-error';
import { createAzureCollector } from '../providers/azure/collector';
import { listAzureSubscriptions } from '../providers/azure/discovery';
import { collectTargets } from './collect-targets';
import { InputError, UsageError } from './command';
import type { InputProblem } from './input-files';
import { type ScanProgress, SILENT_PROGRESS } from './progress';

export interface LiveAzureOptions {
  /** Subscription ids to audit. */
  subscriptions: string[];
  /** Audit every subscription the identity can see (added to `subscriptions`). */
  allSubscriptions: boolean;
  /** One URL for every ARM call (a local stand-in of the APIs). */
  endpoint?: string;
  /** Default: DefaultAzureCredential (programmatic callers, e.g. against the sandbox, pass one). */
  credential?: TokenCredential;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function connection(opts: LiveAzureOptions): { endpoint?: string; credential?: TokenCredential } {
  return {
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
    ...(opts.credential === undefined ? {} : { credential: opts.credential }),
  };
}

/** The subscriptions of a live Azure scan: the named ones, plus every visible one if asked. */
export async function liveAzureTargets(opts: LiveAzureOptions): Promise<AzureTarget[]> {
  for (const s of opts.subscriptions) {
    if (!GUID.test(s))
      throw new UsageError(`--azure-subscription ${s}: not a subscription id (a GUID)`);
  }
  const ids = new Set(opts.subscriptions.map((s) => s.toLowerCase()));
  if (opts.allSubscriptions) {
    try {
      const all = await listAzureSubscriptions(connection(opts));
      for (const t of all) ids.add(t.subscription.toLowerCase());
    } catch (error) {
      const e = toAzureCollectionError('resources:Subscriptions.List', error);
      throw new InputError(`Azure subscriptions could not be listed (${e.code}: ${e.message})`);
    }
  }
  return [...ids].map((subscription) => ({ cloud: 'azure', subscription }));
}

/**
 * Collects every AKS cluster of the requested subscriptions. A subscription that failed (or a
 * cluster that could not be read) is a problem; the rest is returned.
 */
export async function collectLiveAzure(
  opts: LiveAzureOptions,
  progress: ScanProgress = SILENT_PROGRESS,
): Promise<{ snapshots: ClusterSnapshot[]; targets: AzureTarget[]; problems: InputProblem[] }> {
  const targets = await liveAzureTargets(opts);
  const collector = createAzureCollector(connection(opts));
  return { targets, ...(await collectTargets(targets, collector, progress)) };
}
