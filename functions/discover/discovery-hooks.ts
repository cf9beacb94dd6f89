import type { DiscoveryHooks } from '../../pipeline/discover';
import type { RunConfig } from '../../pipeline/run-config';
import { createEksClusterLister } from '../../providers/aws/cluster-discovery';
import { createAwsDiscovery } from '../../providers/aws/discovery';
import type { GcpDiscovery } from '../../providers/gcp/discovery';
import type { CredentialSources } from '../shared/cloud-credentials';
import type { CredentialWiring } from '../shared/credential-sources';
import type { AzureDiscovery } from './azure-discovery';

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
  // GCP and Azure modules (their SDKs and credentials) load only in a run that lists them.
  let sources: Promise<CredentialSources> | undefined;
  const credentialSources = () => {
    sources ??= import('../shared/credential-sources').then((m) => m.credentialSources(wiring));
    return sources;
  };
  let gcp: Promise<GcpDiscovery> | undefined;
  const gcpDiscovery = (): Promise<GcpDiscovery> => {
    gcp ??= Promise.all([import('./gcp-discovery'), credentialSources()]).then(([m, s]) =>
      m.gcpDiscovery(config, s, wiring.endpoints?.google),
    );
    return gcp;
  };
  let azure: Promise<AzureDiscovery> | undefined;
  const azureDiscovery = (): Promise<AzureDiscovery> => {
    azure ??= Promise.all([import('./azure-discovery'), credentialSources()]).then(([m, s]) =>
      m.azureDiscovery(config, s, wiring.endpoints?.arm),
    );
    return azure;
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
      listSubscriptions: async () => (await azureDiscovery()).listSubscriptions(),
      listClusters: async (subscription) => (await azureDiscovery()).listClusters(subscription),
    },
  };
}
