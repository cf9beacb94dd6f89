import { describe, expect, it } from 'vitest';
import { aksAzureRbac as check } from '../../../../checks/aks/aks-azure-rbac';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-azure-rbac', () => {
  it('passes the spec example that enables Azure RBAC', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(aksFixtureCluster('managed-cluster-azure-rbac.json')),
    );
    expect(r.status).toBe('pass');
    expect(r.evidence).toEqual([{ path: 'cluster.aadProfile.enableAzureRbac', value: true }]);
  });
  it('is a different control from Kubernetes RBAC: enableRBAC=true alone fails', () => {
    expect(
      statusOf(check, (c) => {
        c.enableRbac = true;
      }),
    ).toBe('fail');
  });
  it('fails Entra integration without Azure RBAC', () => {
    expect(
      statusOf(check, (c) => {
        c.aadProfile = { managed: true };
      }),
    ).toBe('fail');
  });
});
