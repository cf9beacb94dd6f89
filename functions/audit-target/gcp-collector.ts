import { CallLimiter } from '../../core/call-limiter';
import type { Collector } from '../../core/collector';
import type { RunConfig } from '../../pipeline/run-config';
import { createGcpCollector } from '../../providers/gcp/collector';
import type { CredentialSources } from '../shared/cloud-credentials';
import { gcpAuthClient } from '../shared/gcp-credentials';
import type { CollectorWiring } from './collectors';

/** The GCP collector with the credentials `gcp.credentials` names (default: ADC). */
export async function gcpCollector(
  config: RunConfig,
  wiring: CollectorWiring,
  sources: CredentialSources,
): Promise<Collector> {
  const authClient = await gcpAuthClient(config.gcp.credentials, sources);
  const endpoint = wiring.endpoints?.google;
  return createGcpCollector({
    // The limit is the target project's, the scope of the read quotas it is sized to.
    calls: new CallLimiter(config.callsInFlight.gcp),
    ...(authClient === undefined ? {} : { authClient }),
    ...(endpoint === undefined ? {} : { endpoint }),
    ...(wiring.sharedCache === undefined ? {} : { sharedCache: wiring.sharedCache }),
  });
}
