import type { STSClient } from '@aws-sdk/client-sts';
import type { TokenCredential } from '@azure/core-auth';
import { type AuthClient, GoogleAuth } from 'google-auth-library';
import { formatIssues } from '../../core/config';
import {
  type AzureCredentials,
  type GcpCredentials,
  GcpExternalAccount,
} from '../../pipeline/credentials-config';
import { webIdentityTokenSource } from '../../providers/aws/web-identity-token';
import {
  azureClientSecretCredential,
  azureWorkloadIdentityCredential,
} from '../../providers/azure/workload-identity';
import {
  type AwsCredentialsLike,
  gcpWorkloadIdentityClient,
} from '../../providers/gcp/workload-identity';
import type { RunSecrets } from './run-secrets';

const SCOPES = ['https://www.googleapis.com/auth/cloud-platform'];

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
    const key = parseJson(
      await src.secrets.secret(setting.secretArn),
      `secret ${setting.secretArn}`,
    );
    if (
      typeof key !== 'object' ||
      key === null ||
      (key as { type?: unknown }).type !== 'service_account'
    ) {
      throw new CredentialsError(
        `secret ${setting.secretArn} must hold a service-account key (JSON with "type": "service_account")`,
      );
    }
    return new GoogleAuth({ credentials: key, scopes: SCOPES }).getClient();
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
