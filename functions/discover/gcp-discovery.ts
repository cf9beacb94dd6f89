import type { RunConfig } from '../../pipeline/run-config';
import { createGcpDiscovery, type GcpDiscovery } from '../../providers/gcp/discovery';
import type { CredentialSources } from '../shared/cloud-credentials';
import { gcpAuthClient } from '../shared/gcp-credentials';

/**
 * GCP project and cluster listing with the audit's GCP credentials (`gcp.credentials`). Its own
 * module so discover imports google-auth-library only in a run that lists GCP scopes.
 */
export async function gcpDiscovery(
  config: RunConfig,
  sources: CredentialSources,
  endpoint: string | undefined,
): Promise<GcpDiscovery> {
  const authClient = await gcpAuthClient(config.gcp.credentials, sources);
  return createGcpDiscovery({
    ...(authClient === undefined ? {} : { authClient }),
    ...(endpoint === undefined ? {} : { endpoint }),
  });
}
