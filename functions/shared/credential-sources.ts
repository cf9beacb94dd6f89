import { STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentials } from '../../providers/aws/collector-options';
import type { CredentialSources } from './cloud-credentials';
import { RunSecrets } from './run-secrets';

/** How a function reaches AWS: its Region, its role's credentials, a local stand-in. */
export interface CredentialWiring {
  region: string;
  /** Default: the AWS SDK's default chain (in Lambda, the execution role's credentials). */
  awsCredentials?: AwsCredentials;
  endpoints?: { aws?: string };
}

/**
 * What the Google and Azure credentials of one invocation are made from: the function role's
 * credentials, a regional STS client (GetWebIdentityToken) and the opt-in secrets, each read at
 * most once per invocation. Shared by audit-target and discover, which reach the same clouds.
 */
export function credentialSources(wiring: CredentialWiring): CredentialSources {
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
