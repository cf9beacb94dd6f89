import { describe, expect, it } from 'vitest';
import type { RunConfigInput } from '../../../pipeline/run-config';
import { PROJECT } from '../gcp/estate';
import { auditTargetHarness } from './audit-target-harness';
import {
  AUDITOR_ROLE,
  federationEstate,
  gcpWorkloadIdentity,
  SERVICE_ACCOUNT,
} from './federation-estate';

const audit = auditTargetHarness();

/** Runs the audit-target handler on the GCP project with the function role's credentials. */
const auditGcp = (
  gcpCredentials: (url: string) => NonNullable<RunConfigInput['gcp']>['credentials'],
  roleName = AUDITOR_ROLE,
) =>
  audit({
    estate: federationEstate(),
    config: (url) => ({ gcp: { projects: [PROJECT], credentials: gcpCredentials(url) } }),
    target: { cloud: 'gcp', project: PROJECT },
    roleName,
  });

describe('GCP Workload Identity Federation from the audit-target function, through google-auth-library', () => {
  it('signs GetCallerIdentity with the role, exchanges it at Google STS, impersonates the service account and audits the project', async () => {
    const { sb, result } = await auditGcp(gcpWorkloadIdentity);
    expect(result.target).toEqual({ cloud: 'gcp', project: PROJECT });
    expect(result.clusters).toBe(2);
    expect(result.findings).toBeGreaterThan(0);
    // The one error is the estate's unreachable zone, not authentication.
    expect(result.errors.map((e) => e.code)).toEqual(['MISSING_ZONE']);
    // One exchange and one impersonation for the whole target (the library caches the token).
    expect(sb.counters.get('sts:ExchangeToken')).toBe(1);
    expect(sb.counters.get('iamcredentials:GenerateAccessToken')).toBe(1);
    // Every Google API call carried the impersonated service account's token, no other.
    expect(sb.state.federation.callers()).toEqual([`serviceAccount:${SERVICE_ACCOUNT}`]);
  });

  it('without impersonation, the federated principal (the role session) calls the APIs', async () => {
    const { sb, result } = await auditGcp((url) => {
      const c = gcpWorkloadIdentity(url);
      const { service_account_impersonation_url: _, ...direct } = c.externalAccount;
      return { source: 'workload-identity', externalAccount: direct };
    });
    expect(result.clusters).toBe(2);
    expect(sb.counters.get('iamcredentials:GenerateAccessToken')).toBe(0);
    expect(sb.state.federation.callers()).toEqual([
      `principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/mk8s-audit/subject/arn:aws:sts::111122223333:assumed-role/${AUDITOR_ROLE}/mk8s-audit-AuditTarget`,
    ]);
  });

  it('a role the attribute condition does not allow fails the target with the reason, and no API is called with a token', async () => {
    const { sb, result } = await auditGcp(gcpWorkloadIdentity, 'some-other-role');
    expect(result.status).toBe('failed');
    expect(result.clusters).toBe(0);
    expect(JSON.stringify(result.errors)).toContain('rejected by the attribute condition');
    expect(sb.state.federation.callers()).toEqual([]);
  });

  it('a service account the principal may not impersonate fails the target with PERMISSION_DENIED', async () => {
    const { result } = await auditGcp((url) =>
      gcpWorkloadIdentity(url, 'someone-else@acme-prod.iam.gserviceaccount.com'),
    );
    expect(result.status).toBe('failed');
    expect(JSON.stringify(result.errors)).toContain('iam.serviceAccounts.getAccessToken');
  });
});
