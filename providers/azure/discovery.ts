import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import type { CallLimiter } from '../../core/call-limiter';
import type { AzureTarget } from '../../core/target';
import { CONTAINER_SERVICE_API_VERSION } from './aks-arm';
import { aksClusterKey } from './aks-ref';
import { armEndpoint } from './arm-endpoint';
import { API_VERSIONS } from './arm-paths';
import { ArmRest } from './arm-rest';
import { callLimitPolicy } from './call-limit';
import { AZURE_MAX_RETRIES } from './retries';

interface ArmSubscription {
  subscriptionId?: string;
  state?: string;
}

/**
 * Every subscription the identity can see and that is usable (`Enabled`, or `PastDue`/`Warned`,
 * which still serve reads), as audit targets: what `--azure-all-subscriptions` scans.
 */
export async function listAzureSubscriptions(
  opts: { endpoint?: string; credential?: TokenCredential } = {},
): Promise<AzureTarget[]> {
  const { baseUrl, policies } = armEndpoint(opts.endpoint);
  const arm = new ArmRest({
    baseUrl,
    policies,
    credential: opts.credential ?? new DefaultAzureCredential(),
  });
  const subs = await arm.list<ArmSubscription>('/subscriptions', API_VERSIONS.subscriptions);
  return subs
    .filter(
      (s) =>
        s.subscriptionId &&
        ['enabled', 'pastdue', 'warned'].includes((s.state ?? '').toLowerCase()),
    )
    .map((s) => ({ cloud: 'azure', subscription: s.subscriptionId as string }));
}

/**
 * The AKS clusters of a subscription for discover (pipeline/split-targets.ts): ManagedClusters
 * List as ARM JSON, every page, keyed `resourceGroup/name`; the objects go to the audit, which
 * converts them like an export (aks-canonical.ts) instead of listing again.
 */
export async function listAzureClusters(
  subscription: string,
  opts: { endpoint?: string; credential?: TokenCredential; calls?: CallLimiter } = {},
): Promise<{ keys: string[]; objects: unknown[] }> {
  const { baseUrl, policies } = armEndpoint(opts.endpoint);
  const arm = new ArmRest({
    baseUrl,
    policies: opts.calls
      ? [...policies, { position: 'perRetry', policy: callLimitPolicy(opts.calls) }]
      : policies,
    credential: opts.credential ?? new DefaultAzureCredential(),
    maxRetries: AZURE_MAX_RETRIES,
  });
  const clusters = await arm.list<{ id?: string; name?: string }>(
    `/subscriptions/${subscription}/providers/Microsoft.ContainerService/managedClusters`,
    CONTAINER_SERVICE_API_VERSION,
  );
  return { keys: clusters.map(aksClusterKey), objects: clusters };
}
