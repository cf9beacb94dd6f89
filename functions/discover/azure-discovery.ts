import type { ScopeListing } from '../../core/collector';
import type { RunConfig } from '../../pipeline/run-config';
import { listAzureClusters, listAzureSubscriptions } from '../../providers/azure/discovery';
import { azureCredential } from '../shared/azure-credentials';
import type { CredentialSources } from '../shared/cloud-credentials';

export interface AzureDiscovery {
  listSubscriptions(): Promise<string[]>;
  listClusters(subscription: string): Promise<ScopeListing>;
}

/**
 * Azure subscription and cluster listing with the audit's Azure credentials
 * (`azure.credentials`). Its own module so discover imports the Azure identity libraries only
 * in a run that lists Azure scopes.
 */
export async function azureDiscovery(
  config: RunConfig,
  sources: CredentialSources,
  endpoint: string | undefined,
): Promise<AzureDiscovery> {
  const credential = await azureCredential(config.azure.credentials, sources);
  const options = {
    ...(credential === undefined ? {} : { credential }),
    ...(endpoint === undefined ? {} : { endpoint }),
  };
  return {
    listSubscriptions: async () =>
      (await listAzureSubscriptions(options)).map((t) => t.subscription),
    listClusters: (subscription) => listAzureClusters(subscription, options),
  };
}
