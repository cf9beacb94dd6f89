import { describe, expect, it } from 'vitest';
import { aksClusterAdminRoleAssignments as check } from '../../../../checks/aks/aks-cluster-admin-role-assignments';
import { collected, failed } from '../../../../core/snapshot';
import type { AzureRoleAssignment } from '../../../../core/snapshot-aks';
import {
  aksCluster,
  aksSnapshot,
  evaluateAksOne,
  type MutableCluster,
} from '../../../builders/aks';
import { ROLES, roleAssignment } from '../../../builders/azure-arm';

const SUB = '/subscriptions/00000000-0000-0000-0000-000000000000';
const CLUSTER = `${SUB}/resourceGroups/rg1/providers/Microsoft.ContainerService/managedClusters/clustername1`;
const ALL_ROLES = Object.values(ROLES);

function run(assignments: AzureRoleAssignment[], change: (c: MutableCluster) => void = () => {}) {
  return evaluateAksOne(
    check,
    aksSnapshot(aksCluster(change), {
      clusterRoleAssignments: collected(assignments, [
        'authorization:RoleAssignments.ListForScope',
      ]),
      roleDefinitions: collected([...ALL_ROLES], ['authorization:RoleDefinitions.Get']),
    }),
  );
}

const entraNoLocal = (c: MutableCluster) => {
  c.aadProfile = { managed: true, enableAzureRbac: true };
  c.disableLocalAccounts = true;
};

describe('aks-cluster-admin-role-assignments', () => {
  it('fails when a subscription Owner can fetch the admin credential (local accounts on)', () => {
    const r = run([
      roleAssignment(ROLES.owner, 'p-owner', SUB),
      roleAssignment(ROLES.reader, 'p-reader', SUB),
    ]);
    expect(r.status).toBe('fail');
    expect(r.message).toContain('p-owner (Owner at');
    expect(r.message).not.toContain('p-reader');
  });

  it('counts the user credential of a cluster without Entra integration as admin', () => {
    expect(run([roleAssignment(ROLES.aksClusterUser, 'p-user', CLUSTER)]).status).toBe('fail');
    expect(
      run([roleAssignment(ROLES.aksClusterUser, 'p-user', CLUSTER)], (c) => {
        c.aadProfile = { managed: true };
      }).status,
    ).toBe('pass');
  });

  it('with local accounts off and Azure RBAC on, only full data actions give cluster-admin', () => {
    expect(
      run(
        [roleAssignment(ROLES.owner, 'p', SUB), roleAssignment(ROLES.aksRbacReader, 'r', CLUSTER)],
        entraNoLocal,
      ).status,
    ).toBe('pass');
    const r = run(
      [roleAssignment(ROLES.aksRbacClusterAdmin, 'admin', CLUSTER, 'Group')],
      entraNoLocal,
    );
    expect(r.status).toBe('fail');
    expect(r.message).toContain('Azure RBAC data actions');
  });

  it('is unknown when the assignments could not be listed, naming the call', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(aksCluster(), {
        clusterRoleAssignments: failed([
          {
            operation: 'authorization:RoleAssignments.ListForScope',
            code: 'AuthorizationFailed',
            message: 'denied',
          },
        ]),
        roleDefinitions: collected([], []),
      }),
    );
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('RoleAssignments.ListForScope failed with AuthorizationFailed');
  });

  it('is unknown, not pass, when a role definition was not read', () => {
    const custom = { ...roleAssignment(ROLES.reader, 'x', SUB) };
    custom.properties = {
      ...custom.properties,
      roleDefinitionId: `${SUB}/providers/Microsoft.Authorization/roleDefinitions/11111111-1111-1111-1111-111111111111`,
    };
    expect(run([custom]).status).toBe('unknown');
  });
});
