import type { DiscoveryHooks } from '../../pipeline/discover';
import type { RunConfig } from '../../pipeline/run-config';
import { createEksClusterLister } from '../../providers/aws/cluster-discovery';
import { createAwsDiscovery } from '../../providers/aws/discovery';
import { listAzureClusters, listAzureSubscriptions } from '../../providers/azure/discovery';
import { createGcpDiscovery, type GcpDiscovery } from '../../providers/gcp/discovery';
import { azureCredential } from '../shared/azure-credentials';
import { type CredentialWiring, credentialSources } from '../shared/credential-sources';
import { gcpAuthClient } from '../shared/gcp-credentials';

export interface DiscoveryWiring extends CredentialWiring {
  /** Local stand-ins of the cloud APIs (tests, `npm start`); default: the real endpoints. */
  endpoints?: { aws?: string; google?: string; arm?: string };
}

/**
 * The discovery hooks of one discover invocation. AWS: the function role for the organization
 * and its own account, the read-only member role elsewhere (enabled regions, cluster lists).
 * GCP and Azure: the same credentials as audit-target (`gcp.credentials`, `azure.credentials`:
 * keyless federation, or an opt-in secret read in this invocation), made when first needed, so
 * a run without GCP or Azure never touches them; a credentials failure becomes a discovery
 * error or a whole-scope target whose audit reports it.
 */
export function discoveryHooksFor(config: RunConfig, wiring: DiscoveryWiring): DiscoveryHooks {
  const { memberRoleName, externalId } = config.aws;
  const assumeRole = {
    roleName: memberRoleName,
    ...(externalId === undefined ? {} : { externalId }),
  };
  const awsEndpoint = wiring.endpoints?.aws;
  const awsOptions = {
    region: wiring.region,
    assumeRole,
    ...(awsEndpoint === undefined ? {} : { endpoint: awsEndpoint }),
    ...(wiring.awsCredentials === undefined ? {} : { credentials: wiring.awsCredentials }),
  };
  const accounts = createAwsDiscovery(awsOptions);
  const clusters = createEksClusterLister(awsOptions);
  const sources = credentialSources(wiring);

  const google = wiring.endpoints?.google;
  let gcp: Promise<GcpDiscovery> | undefined;
  const gcpDiscovery = (): Promise<GcpDiscovery> => {
    gcp ??= gcpAuthClient(config.gcp.credentials, sources).then((authClient) =>
      createGcpDiscovery({
        ...(authClient === undefined ? {} : { authClient }),
        ...(google === undefined ? {} : { endpoint: google }),
      }),
    );
    return gcp;
  };
  const arm = wiring.endpoints?.arm;
  let azure: ReturnType<typeof azureCredential> | undefined;
  const azureOptions = async () => {
    azure ??= azureCredential(config.azure.credentials, sources);
    const credential = await azure;
    return {
      ...(credential === undefined ? {} : { credential }),
      ...(arm === undefined ? {} : { endpoint: arm }),
    };
  };

  return {
    aws: {
      listOrganizationAccounts: (scope) => accounts.listOrganizationAccounts(scope),
      listEnabledRegions: (account) => accounts.listEnabledRegions(account),
      listClusters: (account, region) => clusters.listClusters(account, region),
    },
    gcp: {
      listProjects: async (parents) => (await gcpDiscovery()).listProjects(parents),
      listClusters: async (project) => (await gcpDiscovery()).listClusters(project),
    },
    azure: {
      listSubscriptions: async () =>
        (await listAzureSubscriptions(await azureOptions())).map((t) => t.subscription),
      listClusters: async (subscription) => listAzureClusters(subscription, await azureOptions()),
    },
  };
}
