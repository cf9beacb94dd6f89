import { STSClient } from '@aws-sdk/client-sts';
import type { CredentialSources } from '../shared/cloud-credentials';
import { RunSecrets } from '../shared/run-secrets';
import type { CollectorWiring } from './collectors';

/**
 * What the Google and Azure credentials of one invocation are made from: the function role's
 * credentials, a regional STS client (GetWebIdentityToken) and the opt-in secrets, each read at
 * most once per invocation.
 */
export function credentialSources(wiring: CollectorWiring): CredentialSources {
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
  return {
    region: wiring.region,
    // The client resolves an identity or a provider (and refreshes expiring credentials).
    awsCredentials: () => stsClient().config.credentials(),
    sts: stsClient,
    secrets: new RunSecrets({
      secretsManager: async () =>
        new (await import('@aws-sdk/client-secrets-manager')).SecretsManagerClient(clientConfig),
      ssm: async () => new (await import('@aws-sdk/client-ssm')).SSMClient(clientConfig),
    }),
  };
}
