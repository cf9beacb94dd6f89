import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AKS_CHECKS } from '../../../checks/aks';
import { defaultAuditConfig } from '../../../core/config';
import { runChecks } from '../../../core/run-checks';
import type { AksSnapshot } from '../../../core/snapshot-aks';
import { canonicalManagedCluster } from '../../../providers/azure/aks-canonical';
import { createAzureCollector } from '../../../providers/azure/collector';
import { listAzureSubscriptions } from '../../../providers/azure/discovery';
import { fakeAzureCredential } from '../../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { aksEstate, KUBELET, SUB, SUB_EMPTY } from './aks-estate';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: aksEstate() });
});
afterAll(async () => {
  await sb.stop();
});
afterEach(() => {
  sb.faults.clear();
  sb.counters.reset();
});

const collector = () =>
  createAzureCollector({
    endpoint: sb.url,
    credential: fakeAzureCredential,
    maxRetries: 0,
    now: () => new Date('2026-11-28T00:00:00Z'),
  });

async function collectSub(): Promise<AksSnapshot[]> {
  const result = await collector().collect({ cloud: 'azure', subscription: SUB });
  expect(result.errors).toEqual([]);
  return result.snapshots as AksSnapshot[];
}

function statuses(snapshots: AksSnapshot[], checkId: string): Record<string, string> {
  const findings = runChecks(AKS_CHECKS, snapshots, {
    now: new Date('2026-11-28T00:00:00Z'),
    config: defaultAuditConfig(),
  });
  return Object.fromEntries(
    findings
      .filter((f) => f.checkId === checkId)
      .map((f) => [`${f.resourceName}${f.subject ? `/${f.subject.name}` : ''}`, f.status]),
  );
}

/** ISO timestamps compared as instants (the SDK turns them into Dates, JSON writes them back). */
function normalizeDates(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v) =>
    typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v)
      ? new Date(v).toISOString()
      : v,
  );
}

describe('Azure collector through the real SDK and ARM REST clients', () => {
  it('lists every cluster across nextLink pages with all parts collected', async () => {
    const snaps = await collectSub();
    expect(snaps.map((s) => s.ref.name)).toEqual(['aks-public', 'aks-private', 'aks-rbac']);
    expect(snaps[1]?.ref).toMatchObject({ account: SUB, region: 'westeurope' });
    expect(snaps[1]?.source).toEqual({ kind: 'api', collectedAt: '2026-11-28T00:00:00.000Z' });
    for (const s of snaps) {
      for (const [name, part] of Object.entries(s.parts))
        expect(part.state, `${s.ref.name} ${name}`).toBe('collected');
    }
    const priv = snaps[1] as AksSnapshot;
    expect(
      priv.parts.kubeletRoleAssignments.state === 'collected' &&
        priv.parts.kubeletRoleAssignments.value.map((a) => a.properties?.principalId),
    ).toEqual([KUBELET]);
    expect(
      priv.parts.containerRegistries.state === 'collected' &&
        priv.parts.containerRegistries.value.map((r) => r.name),
    ).toEqual(['acr1']);
    expect(
      priv.parts.networkSecurityGroups.state === 'collected' &&
        priv.parts.networkSecurityGroups.value.map((r) => r.name).sort(),
    ).toEqual(['aks-agentpool-nsg', 'aks-subnet-nsg']);
  });

  it('collects the same ManagedCluster the ARM-JSON converter makes (the SDK is the canonical spelling)', async () => {
    const snaps = await collectSub();
    const estate = aksEstate().azure?.subscriptions[SUB]?.managedClusters ?? [];
    expect(estate).toHaveLength(3);
    estate.forEach(({ cluster }, i) => {
      expect(normalizeDates(snaps[i]?.cluster)).toEqual(
        normalizeDates(canonicalManagedCluster(cluster)),
      );
    });
  });

  describe('evaluates the live parts', () => {
    let snaps: AksSnapshot[];
    beforeAll(async () => {
      snaps = await collectSub();
    });
    const [pub, priv, rbac] = ['aks-public', 'aks-private', 'aks-rbac'];
    it.each<[string, Record<string, string>]>([
      ['aks-audit-logs', { [pub]: 'fail', [priv]: 'pass', [rbac]: 'fail' }],
      ['aks-cluster-admin-role-assignments', { [pub]: 'fail', [priv]: 'fail', [rbac]: 'fail' }],
      [
        'aks-kubelet-identity-privileges',
        { [pub]: 'not_applicable', [priv]: 'fail', [rbac]: 'not_applicable' },
      ],
      [
        'aks-acr-controls',
        { [pub]: 'not_applicable', 'aks-private/acr1': 'fail', [rbac]: 'not_applicable' },
      ],
      ['aks-node-nsg-open', { [pub]: 'pass', [priv]: 'fail', [rbac]: 'pass' }],
      ['aks-defender-plan', { [pub]: 'pass', [priv]: 'pass', [rbac]: 'pass' }],
      ['aks-maintenance-window', { [pub]: 'fail', [priv]: 'pass', [rbac]: 'fail' }],
      ['aks-supported-version', { [pub]: 'fail', [priv]: 'fail', [rbac]: 'fail' }],
    ])('%s', (checkId, expected) => {
      expect(statuses(snaps, checkId)).toEqual(expected);
    });
  });

  it('fetches shared objects once per run', async () => {
    await collectSub();
    expect(sb.counters.get('security:Pricings.Get')).toBe(1);
    expect(sb.counters.get('containerservice:ManagedClusters.ListKubernetesVersions')).toBe(1);
    // Owner, AKS RBAC Cluster Admin, AcrPush: three distinct definitions for three clusters.
    expect(sb.counters.get('authorization:RoleDefinitions.Get')).toBe(3);
    expect(sb.counters.get('containerservice:ListManagedClusters')).toBe(2); // two pages
  });

  it('a denied call makes only the checks that need it unknown, naming the call', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'insights:DiagnosticSettings.List' });
    const snaps = await collectSub();
    const findings = runChecks(AKS_CHECKS, snaps, {
      now: new Date('2026-11-28T00:00:00Z'),
      config: defaultAuditConfig(),
    });
    const audit = findings.filter((f) => f.checkId === 'aks-audit-logs');
    expect(audit.map((f) => f.status)).toEqual(['unknown', 'unknown', 'unknown']);
    expect(audit[0]?.message).toContain(
      'insights:DiagnosticSettings.List failed with AuthorizationFailed',
    );
    const unknownElsewhere = findings.filter(
      (f) => f.checkId !== 'aks-audit-logs' && f.status === 'unknown',
    );
    expect(unknownElsewhere).toEqual([]);
  });

  it('records a denied cluster listing as a target error', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'containerservice:ListManagedClusters' });
    const result = await collector().collect({ cloud: 'azure', subscription: SUB });
    expect(result.snapshots).toEqual([]);
    expect(result.errors).toEqual([
      expect.objectContaining({
        operation: 'containerservice:ManagedClusters.List',
        code: 'AuthorizationFailed',
      }),
    ]);
  });

  it('collects nothing from a subscription without clusters', async () => {
    expect(await collector().collect({ cloud: 'azure', subscription: SUB_EMPTY })).toMatchObject({
      snapshots: [],
      errors: [],
    });
  });

  it('discovers every subscription for --azure-all-subscriptions', async () => {
    const targets = await listAzureSubscriptions({
      endpoint: sb.url,
      credential: fakeAzureCredential,
    });
    expect(targets).toEqual([
      { cloud: 'azure', subscription: SUB },
      { cloud: 'azure', subscription: SUB_EMPTY },
    ]);
  });
});
