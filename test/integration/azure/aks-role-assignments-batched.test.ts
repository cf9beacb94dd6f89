import { afterEach, describe, expect, it } from 'vitest';
import { AKS_CHECKS } from '../../../checks/aks';
import { defaultAuditConfig } from '../../../core/config';
import { runChecks } from '../../../core/run-checks';
import type { AksSnapshot } from '../../../core/snapshot-aks';
import { createAzureCollector } from '../../../providers/azure/collector';
import { fakeAzureCredential } from '../../../sandbox/clients';
import type { EstateInput } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { ROLES } from '../../builders/azure-arm';
import { aksEstate, KUBELET, SUB } from './aks-estate';

/**
 * Role assignments of a subscription with several clusters: one RoleAssignments.List of the
 * subscription instead of each cluster's ListForScope (atScope()) and its kubelet identity's
 * List (principalId), with the same parts; each cluster's own calls when that listing fails.
 */

type Json = Record<string, unknown>;
const RG = `/subscriptions/${SUB}/resourceGroups`;
const NOW = new Date('2026-11-28T00:00:00Z');

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

function assignment(name: string, principalId: string, scope: string): Json {
  return {
    id: `${scope.replace(/\/$/, '')}/providers/Microsoft.Authorization/roleAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/roleAssignments',
    properties: {
      scope,
      roleDefinitionId: `/subscriptions/${SUB}/providers/Microsoft.Authorization/roleDefinitions/${(ROLES.owner as { name: string }).name}`,
      principalId,
      principalType: 'User',
    },
  };
}

/**
 * The AKS estate plus assignments above, beside and below the clusters: a management group and
 * the root (above every cluster), rg1 (above aks-public and aks-private), `rg` (a string prefix
 * of rg1 but not its ancestor) and a namespace inside aks-private (below it).
 */
function estate(): EstateInput {
  const e = aksEstate();
  const sub = e.azure?.subscriptions[SUB] as { related: { roleAssignments: Json[] } } | undefined;
  if (sub === undefined) throw new Error('no subscription');
  const mc = `${RG}/rg1/providers/Microsoft.ContainerService/managedClusters/aks-private`;
  sub.related.roleAssignments.push(
    assignment('a0000001', 'mg-admins', '/providers/Microsoft.Management/managementGroups/corp'),
    assignment('a0000002', 'root-admins', '/'),
    assignment('a0000003', 'rg1-admins', `${RG}/rg1`),
    assignment('a0000004', 'rg-admins', `${RG}/rg`),
    assignment('a0000005', 'ns-admins', `${mc}/namespaces/payments`),
    assignment('a0000006', KUBELET, `${RG}/rg1`),
  );
  return e;
}

async function collect(prepare: (sb: Sandbox) => void = () => {}) {
  sb = await startSandbox({ estate: estate() });
  prepare(sb);
  const collector = createAzureCollector({
    endpoint: sb.url,
    credential: fakeAzureCredential,
    maxRetries: 0,
    now: () => NOW,
  });
  const result = await collector.collect({ cloud: 'azure', subscription: SUB });
  expect(result.errors).toEqual([]);
  const snapshots = result.snapshots as AksSnapshot[];
  const byName = new Map(snapshots.map((s) => [s.ref.name, s]));
  const findings = runChecks(AKS_CHECKS, snapshots, { now: NOW, config: defaultAuditConfig() });
  return { sb, snapshots, byName, findings };
}

const principals = (s: AksSnapshot | undefined, part: 'cluster' | 'kubelet') => {
  const p = part === 'cluster' ? s?.parts.clusterRoleAssignments : s?.parts.kubeletRoleAssignments;
  return p?.state === 'collected' ? p.value.map((a) => a.properties?.principalId).sort() : p?.state;
};

describe('Azure collector: role assignments once per subscription', () => {
  it('lists the subscription once for three clusters, picking each cluster’s at-or-above assignments', async () => {
    const { sb, byName } = await collect();
    // One listing: 9 assignments in the sandbox's ARM pages of 2.
    expect(sb.counters.get('authorization:RoleAssignments.List')).toBe(5);
    expect(sb.counters.get('authorization:RoleAssignments.ListForScope')).toBe(0);
    expect(principals(byName.get('aks-private'), 'cluster')).toEqual(
      ['mg-admins', 'owner-principal', 'rg1-admins', 'root-admins', KUBELET].sort(),
    );
    expect(principals(byName.get('aks-rbac'), 'cluster')).toEqual(
      ['mg-admins', 'owner-principal', 'rbac-admins', 'root-admins'].sort(),
    );
    // Every assignment of the kubelet identity, wherever in (or above) the subscription.
    expect(principals(byName.get('aks-private'), 'kubelet')).toEqual([KUBELET, KUBELET]);
  });

  it('gives the same parts and findings as each cluster’s own calls', async () => {
    const batched = await collect();
    await batched.sb.stop();
    // The subscription's listing is the first RoleAssignments.List call: denied once, every
    // cluster falls back to its own ListForScope and principalId List.
    const own = await collect((s) =>
      s.faults.add({
        kind: 'access-denied',
        operation: 'authorization:RoleAssignments.List',
        times: 1,
      }),
    );
    // Pages of 2: aks-public and aks-private see 5 assignments each, aks-rbac 4.
    expect(own.sb.counters.get('authorization:RoleAssignments.ListForScope')).toBe(3 + 3 + 2);
    expect(own.sb.counters.get('authorization:RoleAssignments.List')).toBe(1 + 1);
    for (const [name, s] of own.byName) {
      const b = batched.byName.get(name);
      for (const part of ['clusterRoleAssignments', 'kubeletRoleAssignments'] as const) {
        const mine = s.parts[part];
        const theirs = b?.parts[part];
        expect(theirs?.state, `${name} ${part}`).toBe('collected');
        if (mine.state !== 'collected' || theirs?.state !== 'collected') throw new Error(part);
        // Not by id: the estate builder numbers its assignments afresh on each call.
        const ids = (v: typeof mine.value) =>
          v
            .map(
              (a) =>
                `${a.properties?.scope} ${a.properties?.principalId} ${a.properties?.roleDefinitionId}`,
            )
            .sort();
        expect(ids(theirs.value), `${name} ${part}`).toEqual(ids(mine.value));
      }
    }
    const key = (f: { id: string; status: string }) => `${f.id} ${f.status}`;
    expect(batched.findings.map(key).sort()).toEqual(own.findings.map(key).sort());
  });

  it('when every role assignment call is denied, each cluster’s parts fail naming its own call', async () => {
    const { byName, findings } = await collect((s) =>
      s.faults.add({ kind: 'access-denied', operation: 'authorization:RoleAssignments.*' }),
    );
    expect(byName.size).toBe(3);
    for (const [name, s] of byName) {
      expect(s.parts.clusterRoleAssignments, name).toMatchObject({
        state: 'failed',
        errors: [{ operation: 'authorization:RoleAssignments.ListForScope' }],
      });
      expect(s.parts.diagnosticSettings.state, name).toBe('collected');
    }
    expect(byName.get('aks-private')?.parts.kubeletRoleAssignments).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'authorization:RoleAssignments.List', resource: KUBELET }],
    });
    const admin = findings.filter((f) => f.checkId === 'aks-cluster-admin-role-assignments');
    expect(admin.map((f) => f.status)).toEqual(['unknown', 'unknown', 'unknown']);
  });
});
