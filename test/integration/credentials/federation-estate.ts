import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { awsClientConfig } from '../../../sandbox/clients';
import type { EstateInput } from '../../../sandbox/estate';
import { gcpEstate, NUMBER } from '../gcp/estate';

/** The auditor account and the audit-target function's role, as the stack names it. */
export const AUDITOR_ACCOUNT = '111122223333';
export const AUDITOR_ROLE = 'mk8s-audit-target';
export const AUDITOR_ROLE_ARN = `arn:aws:iam::${AUDITOR_ACCOUNT}:role/${AUDITOR_ROLE}`;
export const AWS_REGION = 'eu-west-1';
export const POOL_PROVIDER = `//iam.googleapis.com/projects/${NUMBER}/locations/global/workloadIdentityPools/mk8s-audit/providers/aws-auditor`;
export const SERVICE_ACCOUNT = 'mk8s-audit@acme-prod.iam.gserviceaccount.com';
/** The Entra tenant and the auditor's app registration (client id). */
export const TENANT = '0a0a0a0a-1111-2222-3333-444444444444';
export const CLIENT = 'c1c1c1c1-5555-6666-7777-888888888888';

/** `gcp.credentials` for keyless federation through the pool provider, on the sandbox at `url`. */
export const gcpWorkloadIdentity = (url: string, impersonate = SERVICE_ACCOUNT) => ({
  source: 'workload-identity' as const,
  externalAccount: {
    type: 'external_account' as const,
    audience: POOL_PROVIDER,
    subject_token_type: 'urn:ietf:params:aws:token-type:aws4_request' as const,
    token_url: `${url}/v1/token`,
    service_account_impersonation_url: `${url}/v1/projects/-/serviceAccounts/${impersonate}:generateAccessToken`,
    credential_source: {
      environment_id: 'aws1' as const,
      regional_cred_verification_url:
        'https://sts.{region}.amazonaws.com?Action=GetCallerIdentity&Version=2011-06-15',
    },
  },
});

/** `azure.credentials` for the opt-in client secret stored at `secretArn`, on the sandbox at `url`. */
export const azureClientSecret = (url: string, secretArn: string) => ({
  source: 'client-secret' as const,
  tenantId: TENANT,
  clientId: CLIENT,
  secretArn,
  authorityHost: url,
});

/** The GKE estate plus the auditor account and a pool provider that trusts only its role. */
export function federationEstate(): EstateInput {
  const base = gcpEstate();
  const gcp = base.gcp as NonNullable<EstateInput['gcp']>;
  return {
    ...base,
    aws: { callerAccount: AUDITOR_ACCOUNT, accounts: { [AUDITOR_ACCOUNT]: {} } },
    gcp: {
      ...gcp,
      workloadIdentity: {
        audience: POOL_PROVIDER,
        allowedAwsRoles: [`arn:aws:sts::${AUDITOR_ACCOUNT}:assumed-role/${AUDITOR_ROLE}`],
        serviceAccounts: [SERVICE_ACCOUNT],
      },
    },
  };
}

/** Session credentials of a role, as Lambda hands the function its execution role's. */
export async function roleCredentials(url: string, roleName = AUDITOR_ROLE) {
  const sts = new STSClient(awsClientConfig(url));
  const out = await sts.send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${AUDITOR_ACCOUNT}:role/${roleName}`,
      RoleSessionName: 'mk8s-audit-AuditTarget',
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error('no credentials');
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
  };
}
