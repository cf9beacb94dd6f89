import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import { CallLimiter } from '../../core/call-limiter';
import type { Collector } from '../../core/collector';
import type { Cloud } from '../../core/provider';
import type { RunConfig } from '../../pipeline/run-config';
import { createAwsCollector } from '../../providers/aws/collector';
import type { AwsCredentials } from '../../providers/aws/collector-options';
import { createAzureCollector } from '../../providers/azure/collector';
import { createGcpCollector } from '../../providers/gcp/collector';
import {
  azureCredential,
  type CredentialSources,
  gcpAuthClient,
} from '../shared/cloud-credentials';
import { RunSecrets } from '../shared/run-secrets';

export interface CollectorWiring {
  region: string;
  /**
   * The function role's credentials; default: the AWS SDK's default chain (in Lambda, the
   * execution role's session credentials).
   */
  awsCredentials?: AwsCredentials;
  /** Local stand-ins of the cloud APIs (tests, `npm start`); default: the real endpoints. */
  endpoints?: { aws?: string; google?: string; arm?: string };
}

/** Credentials are set up when a target of the cloud is collected, not before. */
function deferred(make: () => Promise<Collector>): Collector {
  let made: Promise<Collector> | undefined;
  return {
    collect: async (target) => {
      made ??= make();
      return (await made).collect(target);
    },
  };
}

/**
 * The collectors of one audit-target invocation. AWS: the function role, and the read-only
 * member role elsewhere. GCP and Azure: the credentials `gcp.credentials` / `azure.credentials`
 * name (keyless federation, or an opt-in secret read now from Secrets Manager). Made per
 * invocation, so secrets are read at most once per invocation and per-run caches stay per run;
 * a credentials failure fails only the targets of that cloud (audit-target records it).
 */
export function collectorsFor(
  config: RunConfig,
  wiring: CollectorWiring,
): Partial<Record<Cloud, Collector>> {
  const aws = wiring.endpoints?.aws;
  const clientConfig = {
    region: wiring.region,
    ...(aws === undefined ? {} : { endpoint: aws }),
    ...(wiring.awsCredentials === undefined ? {} : { credentials: wiring.awsCredentials }),
  };
  let sts: STSClient | undefined;
  const stsClient = () => {
    sts ??= new STSClient(clientConfig);
    return sts;
  };
  const secrets = new RunSecrets({
    secretsManager: () => new SecretsManagerClient(clientConfig),
    ssm: () => new SSMClient(clientConfig),
  });
  const sources: CredentialSources = {
    region: wiring.region,
    // The client resolves an identity or a provider (and refreshes expiring credentials).
    awsCredentials: () => stsClient().config.credentials(),
    sts: stsClient,
    secrets,
  };
  const { memberRoleName, externalId } = config.aws;
  const google = wiring.endpoints?.google;
  const arm = wiring.endpoints?.arm;
  return {
    // One target per invocation: each limit is the target's account+region, project or
    // subscription, the scope of the read quotas it is sized to.
    aws: createAwsCollector({
      calls: new CallLimiter(config.callsInFlight.aws),
      assumeRole: { roleName: memberRoleName, ...(externalId === undefined ? {} : { externalId }) },
      ...(aws === undefined ? {} : { endpoint: aws }),
      ...(wiring.awsCredentials === undefined ? {} : { credentials: wiring.awsCredentials }),
    }),
    gcp: deferred(async () => {
      const authClient = await gcpAuthClient(config.gcp.credentials, sources);
      return createGcpCollector({
        calls: new CallLimiter(config.callsInFlight.gcp),
        ...(authClient === undefined ? {} : { authClient }),
        ...(google === undefined ? {} : { endpoint: google }),
      });
    }),
    azure: deferred(async () => {
      const credential = await azureCredential(config.azure.credentials, sources);
      return createAzureCollector({
        calls: new CallLimiter(config.callsInFlight.azure),
        ...(credential === undefined ? {} : { credential }),
        ...(arm === undefined ? {} : { endpoint: arm }),
      });
    }),
  };
}
