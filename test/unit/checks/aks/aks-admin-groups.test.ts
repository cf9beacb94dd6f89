import { describe, expect, it } from 'vitest';
import { aksAdminGroups as check } from '../../../../checks/aks/aks-admin-groups';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-admin-groups', () => {
  it('is not applicable without managed Entra integration', () => {
    expect(statusOf(check)).toBe('not_applicable');
  });
  it('fails the Azure RBAC example, whose adminGroupObjectIDs is null', () => {
    expect(
      evaluateAksOne(check, aksSnapshot(aksFixtureCluster('managed-cluster-azure-rbac.json')))
        .status,
    ).toBe('fail');
  });
  it('passes with an admin group', () => {
    expect(
      statusOf(check, (c) => {
        c.aadProfile = { managed: true, adminGroupObjectIDs: ['g1'] };
      }),
    ).toBe('pass');
  });
});
