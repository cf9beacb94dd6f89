import { describe, expect, it } from 'vitest';
import { aksEntraIntegration as check } from '../../../../checks/aks/aks-entra-integration';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-entra-integration', () => {
  it('fails without aadProfile (no Entra integration) even when Kubernetes RBAC is on', () => {
    expect(
      statusOf(check, (c) => {
        c.enableRbac = true;
      }),
    ).toBe('fail');
  });
  it('passes the Azure RBAC example (aadProfile.managed=true)', () => {
    expect(
      evaluateAksOne(check, aksSnapshot(aksFixtureCluster('managed-cluster-azure-rbac.json')))
        .status,
    ).toBe('pass');
  });
  it('fails the legacy integration (managed=false)', () => {
    expect(
      statusOf(check, (c) => {
        c.aadProfile = { managed: false, serverAppID: 's' };
      }),
    ).toBe('fail');
  });
});
