import type { TokenCredential } from '@azure/core-auth';
import { DefaultAzureCredential } from '@azure/identity';
import type { AzureTarget } from '../../core/target';
import { armEndpoint } from './arm-endpoint';
import { API_VERSIONS } from './arm-paths';
import { ArmRest } from './arm-rest';

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
