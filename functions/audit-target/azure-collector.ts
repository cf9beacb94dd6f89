import { CallLimiter } from '../../core/call-limiter';
import type { Collector } from '../../core/collector';
import type { RunConfig } from '../../pipeline/run-config';
import { createAzureCollector } from '../../providers/azure/collector';
import { azureCredential } from '../shared/azure-credentials';
import type { CredentialSources } from '../shared/cloud-credentials';
import type { CollectorWiring } from './collectors';

/** The Azure collector with the credential `azure.credentials` names (default: the SDK's chain). */
export async function azureCollector(
  config: RunConfig,
  wiring: CollectorWiring,
  sources: CredentialSources,
): Promise<Collector> {
  const credential = await azureCredential(config.azure.credentials, sources);
  const endpoint = wiring.endpoints?.arm;
  return createAzureCollector({
    // The limit is the target subscription's, the scope of the read quotas it is sized to.
    calls: new CallLimiter(config.callsInFlight.azure),
    ...(credential === undefined ? {} : { credential }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(wiring.sharedCache === undefined ? {} : { sharedCache: wiring.sharedCache }),
  });
}
