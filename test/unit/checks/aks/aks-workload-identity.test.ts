import { describe, expect, it } from 'vitest';
import { aksWorkloadIdentity as check } from '../../../../checks/aks/aks-workload-identity';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-workload-identity', () => {
  it('fails the security-profile example: workload identity on but no OIDC issuer', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(aksFixtureCluster('managed-cluster-security-profile.json')),
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('OIDC issuer is off');
  });
  it('passes workload identity with the OIDC issuer', () => {
    expect(
      statusOf(check, (c) => {
        c.securityProfile = { workloadIdentity: { enabled: true } };
        c.oidcIssuerProfile = { enabled: true };
      }),
    ).toBe('pass');
  });
  it('fails while the deprecated pod identity is still on', () => {
    expect(
      statusOf(check, (c) => {
        c.securityProfile = { workloadIdentity: { enabled: true } };
        c.oidcIssuerProfile = { enabled: true };
        c.podIdentityProfile = { enabled: true };
      }),
    ).toBe('fail');
  });
});
