import { describe, expect, it } from 'vitest';
import { aksKubeletIdentityPrivileges as check } from '../../../../checks/aks/aks-kubelet-identity-privileges';
import { collected, notCollected } from '../../../../core/snapshot';
import type { AzureRoleAssignment } from '../../../../core/snapshot-aks';
import { aksCluster, aksSnapshot, evaluateAksOne } from '../../../builders/aks';
import { ROLES, roleAssignment } from '../../../builders/azure-arm';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const ACR = `${SUB}/resourceGroups/rg1/providers/Microsoft.ContainerRegistry/registries/acr1`;
const withKubelet = aksCluster((c) => {
  c.identity = { type: 'SystemAssigned' };
  c.identityProfile = {
    kubeletidentity: { objectId: 'kubelet-oid', clientId: 'c', resourceId: '/r' },
  };
});

function run(assignments: AzureRoleAssignment[]) {
  return evaluateAksOne(
    check,
    aksSnapshot(withKubelet, {
      kubeletRoleAssignments: collected(assignments, ['authorization:RoleAssignments.List']),
      roleDefinitions: collected([...Object.values(ROLES)], ['authorization:RoleDefinitions.Get']),
    }),
  );
}

describe('aks-kubelet-identity-privileges', () => {
  it('passes AcrPull only', () => {
    expect(
      run([roleAssignment(ROLES.acrPull, 'kubelet-oid', ACR, 'ServicePrincipal')]).status,
    ).toBe('pass');
  });
  it('fails AcrPush and Contributor', () => {
    expect(
      run([roleAssignment(ROLES.acrPush, 'kubelet-oid', ACR, 'ServicePrincipal')]).message,
    ).toContain('can push images');
    const r = run([roleAssignment(ROLES.contributor, 'kubelet-oid', SUB, 'ServicePrincipal')]);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Contributor');
  });
  it('is not applicable to a service principal cluster without a kubelet identity', () => {
    expect(evaluateAksOne(check, aksSnapshot()).status).toBe('not_applicable');
  });
  it('is unknown when the assignments were not collected', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(withKubelet, { kubeletRoleAssignments: notCollected('offline export') }),
    );
    expect(r.status).toBe('unknown');
  });
});
