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
