import type { TokenCredential } from '@azure/core-auth';
import type { AzureCredentials } from '../../pipeline/credentials-config';
import { webIdentityTokenSource } from '../../providers/aws/web-identity-token';
import {
  azureClientSecretCredential,
  azureWorkloadIdentityCredential,
} from '../../providers/azure/workload-identity';
import type { CredentialSources } from './cloud-credentials';

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
