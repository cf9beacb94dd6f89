import type { STSClient } from '@aws-sdk/client-sts';
import type { TokenCredential } from '@azure/core-auth';
import type { AuthClient } from 'google-auth-library';
import { formatIssues } from '../../core/config';
import {
  type AzureCredentials,
  type GcpCredentials,
  GcpExternalAccount,
  GcpServiceAccountKey,
} from '../../pipeline/credentials-config';
import { webIdentityTokenSource } from '../../providers/aws/web-identity-token';
import {
  azureClientSecretCredential,
  azureWorkloadIdentityCredential,
} from '../../providers/azure/workload-identity';
import { gcpServiceAccountKeyClient } from '../../providers/gcp/service-account-key';
import {
  type AwsCredentialsLike,
  gcpWorkloadIdentityClient,
} from '../../providers/gcp/workload-identity';
import type { RunSecrets } from './run-secrets';

export interface CredentialSources {
  /** The function's Region (the signed GetCallerIdentity names its STS endpoint). */
  region: string;
  /** The function role's AWS credentials (an SDK client's `config.credentials`). */
  awsCredentials: () => Promise<AwsCredentialsLike>;
  /** A regional STS client for GetWebIdentityToken. */
  sts: () => STSClient;
  secrets: RunSecrets;
}

/** A credentials setting that cannot be used; the message names the setting, never a value. */
export class CredentialsError extends Error {
  override readonly name = 'CredentialsError';
}

/**
 * The Google credentials of `gcp.credentials`: undefined means Application Default Credentials
 * (the collector's default). The external-account configuration is validated wherever it comes
 * from (an SSM parameter is validated when read).
 */
export async function gcpAuthClient(
  setting: GcpCredentials | undefined,
  src: CredentialSources,
): Promise<AuthClient | undefined> {
  if (setting === undefined || setting.source === 'application-default') return undefined;
  if (setting.source === 'service-account-key') {
    const secret = `secret ${setting.secretArn}`;
    const key = GcpServiceAccountKey.safeParse(
      parseJson(await src.secrets.secret(setting.secretArn), secret),
    );
    if (!key.success) {
      throw new CredentialsError(
        `${secret} must hold a service-account key (the JSON of a key file):\n${formatIssues(key.error)}`,
      );
    }
    return gcpServiceAccountKeyClient(key.data);
  }
  let config = setting.externalAccount;
  if (config === undefined && setting.externalAccountParameter !== undefined) {
    const name = setting.externalAccountParameter;
    const parsed = GcpExternalAccount.safeParse(
      parseJson(await src.secrets.parameter(name), `SSM parameter ${name}`),
    );
    if (!parsed.success) {
      throw new CredentialsError(
        `SSM parameter ${name} is not a valid external_account configuration:\n${formatIssues(parsed.error)}`,
      );
    }
    config = parsed.data;
  }
  if (config === undefined) {
    throw new CredentialsError('gcp.credentials: set externalAccount or externalAccountParameter');
  }
  return gcpWorkloadIdentityClient(config, { region: src.region, credentials: src.awsCredentials });
}

/** The Azure credential of `azure.credentials`: undefined means DefaultAzureCredential. */
export async function azureCredential(
  setting: AzureCredentials | undefined,
  src: CredentialSources,
): Promise<TokenCredential | undefined> {
  if (setting === undefined || setting.source === 'default') return undefined;
  const app = {
    tenantId: setting.tenantId,
    clientId: setting.clientId,
    authorityHost: setting.authorityHost,
  };
  if (setting.source === 'client-secret') {
    return azureClientSecretCredential(app, await src.secrets.secret(setting.secretArn));
  }
  return azureWorkloadIdentityCredential(app, webIdentityTokenSource(src.sts));
}

/** Parses JSON; the error names the source and never echoes the text (it may be a key). */
function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new CredentialsError(`${source} is not JSON`);
  }
}
