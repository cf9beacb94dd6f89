import { describe, expect, it } from 'vitest';
import { aksDefenderProfile as check } from '../../../../checks/aks/aks-defender-profile';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-defender-profile', () => {
  it('passes the security-profile example (securityMonitoring on)', () => {
    expect(
      evaluateAksOne(check, aksSnapshot(aksFixtureCluster('managed-cluster-security-profile.json')))
        .status,
    ).toBe('pass');
  });
  it('fails without the profile, or with monitoring off', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.securityProfile = { defender: { securityMonitoring: { enabled: false } } };
      }),
    ).toBe('fail');
  });
});
