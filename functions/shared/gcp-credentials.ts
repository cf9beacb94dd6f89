import type { AuthClient } from 'google-auth-library';
import { formatIssues } from '../../core/config';
import {
  type GcpCredentials,
  GcpExternalAccount,
  GcpServiceAccountKey,
} from '../../pipeline/credentials-config';
import { gcpServiceAccountKeyClient } from '../../providers/gcp/service-account-key';
import { gcpWorkloadIdentityClient } from '../../providers/gcp/workload-identity';
import { type CredentialSources, CredentialsError, parseJson } from './cloud-credentials';

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
