import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import type { Finding } from '../../core/finding';
import { findingId } from '../../core/finding';
import { silentLogger } from '../../core/logger';
import { createS3Store } from '../../outputs/s3-store';
import { readState, stateKey } from '../../outputs/securityhub-state';
import { TokenBucket } from '../../outputs/token-bucket';
import { keys } from '../../pipeline/keys';
import { parseRunConfig } from '../../pipeline/run-config';
import { runLocal } from '../../pipeline/run-local';
import type { RunSummary } from '../../pipeline/run-summary';
import { securityHubDestination } from '../../pipeline/securityhub-destination';
import { type SecurityHubRunSummary, syncSecurityHub } from '../../pipeline/securityhub-sync';
import type { ObjectStore } from '../../pipeline/types';
import { createAwsCollector } from '../../providers/aws/collector';
import type { StoredFinding } from '../../sandbox/aws/securityhub-store';
import { awsClientConfig, stsClient } from '../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { eksFinding } from '../builders/finding';
import { type LocalS3, startLocalS3 } from '../helpers/s3rver';
import { ACCOUNT_A, awsEstate, REGION } from './sandbox/estates';

/**
 * The Security Hub lifecycle as sequences of daily runs: the real collector, checks and
 * publisher, the sandbox's Security Hub (validated against the service model, upserting by Id,
 * ignoring stale updates) and the run state in s3rver behind the sandbox's conditional writes.
 */
const HUB_REGION = 'us-east-1';
const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-11-01T03:00:00.000Z');
const SCOPE = `aws:${ACCOUNT_A}/${REGION}`;

let sb: Sandbox;
let s3: LocalS3;
let store: ObjectStore;
let day = 0;

beforeAll(async () => {
  sb = await startSandbox({ estate: awsEstate(1) });
  s3 = await startLocalS3('findings');
}, 60_000);
afterAll(async () => {
  await s3?.stop();
  await sb?.stop();
});
beforeEach(() => {
  // Each sequence starts from nothing: an empty Security Hub and a state of its own.
  sb.securityHub.clear();
  sb.faults.clear();
  store = createS3Store({
    client: s3.client,
    bucket: s3.bucket,
    prefix: `seq-${Math.random().toString(36).slice(2)}/`,
  });
  day = 0;
});

const config = parseRunConfig({
  aws: { accounts: [ACCOUNT_A], regions: [REGION] },
  securityHub: { enabled: true, region: HUB_REGION, mode: 'central' },
});

/** One daily run; resolves to its Security Hub summary. */
async function dailyRun(): Promise<SecurityHubRunSummary> {
  const now = new Date(T0 + day * DAY);
  day += 1;
  const sts = stsClient(sb.url);
  const aws = awsClientConfig(sb.url);
  const hub = securityHubDestination({
    config,
    account: ACCOUNT_A,
    partition: 'aws',
    region: HUB_REGION,
    clientConfig: { endpoint: sb.url },
    credentials: aws.credentials,
    sts,
  });
  try {
    const { published } = await runLocal(
      config,
      {
        store,
        collectors: {
          aws: createAwsCollector({ endpoint: sb.url, credentials: aws.credentials }),
        },
        checks: ALL_CHECKS,
        clock: () => now,
        logger: silentLogger,
        securityHub: { ...hub, sleep: async () => {} },
      },
      { runId: `day-${day}`, date: now.toISOString().slice(0, 10) },
    );
    return hubSummary(published.summary);
  } finally {
    hub.destroy();
    sts.destroy();
  }
}

function hubSummary(summary: RunSummary): SecurityHubRunSummary {
  if (!summary.securityHub.enabled) throw new Error('Security Hub import was off');
  return summary.securityHub;
}

const counts = (s: SecurityHubRunSummary) => ({
  imported: s.imported,
  updated: s.updated,
  passed: s.passed,
  archived: s.archived,
  refreshed: s.refreshed,
  failed: s.failed,
});
const findingsOf = (cluster: string) =>
  sb.securityHub
    .all()
    .filter((f) =>
      ((f['Resources'] as { Id: string }[] | undefined) ?? []).some((r) =>
        r.Id.endsWith(`:cluster/${cluster}`),
      ),
    );
const compliance = (f: StoredFinding) => (f['Compliance'] as { Status: string }).Status;
const clusters = () => {
  const region = sb.state.estate.aws?.accounts[ACCOUNT_A]?.regions[REGION];
  if (!region) throw new Error('the estate has no region');
  return region.clusters;
};

describe('Security Hub lifecycle over daily runs', () => {
  it('a cluster appears failing, is partly fixed, is deleted, and comes back', async () => {
    const first = await dailyRun();
    const total = first.submitted;
    expect(total).toBeGreaterThan(20);
    expect(counts(first)).toEqual({
      imported: total,
      updated: 0,
      passed: 0,
      archived: 0,
      refreshed: 0,
      failed: 0,
    });
    expect(sb.securityHub.size).toBe(total);
    const publicId = findingId(
      'eks-endpoint-public-access',
      `arn:aws:eks:${REGION}:${ACCOUNT_A}:cluster/c01`,
    );
    expect(compliance(sb.securityHub.get(publicId) ?? {})).toBe('FAILED');

    // A second identical run imports nothing and makes no call.
    const same = await dailyRun();
    expect(same).toMatchObject({ submitted: 0, calls: 0 });
    expect(same.unchanged + same.unknownKept).toBe(total);

    // The public endpoint is turned off: that finding (only) is re-imported as PASSED.
    const entry = clusters()[0];
    if (!entry) throw new Error('no cluster');
    const vpc = entry.cluster['resourcesVpcConfig'] as Record<string, unknown>;
    vpc['endpointPublicAccess'] = false;
    vpc['endpointPrivateAccess'] = true;
    const fixed = await dailyRun();
    expect(fixed.passed).toBeGreaterThanOrEqual(1);
    expect(fixed.imported + fixed.archived + fixed.failed).toBe(0);
    const passed = sb.securityHub.get(publicId) ?? {};
    expect(compliance(passed)).toBe('PASSED');
    expect((passed['Severity'] as { Label: string }).Label).toBe('INFORMATIONAL');
    expect(passed['CreatedAt']).toBe(new Date(T0).toISOString());

    // The cluster is deleted: every one of its findings is archived, nothing else changes.
    const active = findingsOf('c01').filter((f) => f['RecordState'] === 'ACTIVE').length;
    clusters().splice(0, 1);
    const gone = await dailyRun();
    expect(counts(gone)).toMatchObject({ imported: 0, archived: active, failed: 0 });
    expect(findingsOf('c01').every((f) => f['RecordState'] === 'ARCHIVED')).toBe(true);

    // It comes back: the same ids are active again, first seen on day one; no duplicates.
    clusters().push(entry);
    const back = await dailyRun();
    expect(back.imported).toBe(0);
    expect(back.updated + back.passed).toBeGreaterThan(0);
    expect(findingsOf('c01').every((f) => f['RecordState'] === 'ACTIVE')).toBe(true);
    expect(sb.securityHub.size).toBe(total);
    expect(new Set(findingsOf('c01').map((f) => f['CreatedAt']))).toEqual(
      new Set([new Date(T0).toISOString()]),
    );
    // Security Hub never saw an update older than what it had.
    expect(sb.securityHub.events.filter((e) => e.effect === 'stale')).toEqual([]);
  }, 60_000);

  it('a target that fails to collect between two good runs archives and passes nothing', async () => {
    const first = await dailyRun();
    const before = JSON.stringify(
      sb.securityHub
        .all()
        .filter((f) => f['GeneratorId'] !== 'mk8s-audit-coverage')
        .map((f) => [f['Id'], f['RecordState'], compliance(f)]),
    );
    const rule = sb.faults.add({ kind: 'access-denied', operation: 'eks:ListClusters' });
    const failed = await dailyRun();
    sb.faults.remove(rule);
    // Only the target's coverage finding changes: from covered to not audited.
    expect(counts(failed)).toEqual({
      imported: 0,
      updated: 1,
      passed: 0,
      archived: 0,
      refreshed: 0,
      failed: 0,
    });
    const coverage = sb.securityHub
      .all()
      .filter((f) => f['GeneratorId'] === 'mk8s-audit-coverage' && compliance(f) === 'FAILED');
    expect(coverage).toHaveLength(1);
    expect(
      JSON.stringify(
        sb.securityHub
          .all()
          .filter((f) => f['GeneratorId'] !== 'mk8s-audit-coverage')
          .map((f) => [f['Id'], f['RecordState'], compliance(f)]),
      ),
    ).toBe(before);
    // The next good run: everything as before, and the coverage finding passed again.
    const good = await dailyRun();
    expect(counts(good)).toEqual({
      imported: 0,
      updated: 0,
      passed: 1,
      archived: 0,
      refreshed: 0,
      failed: 0,
    });
    const resolved = sb.securityHub.get(String(coverage[0]?.['Id']));
    expect(resolved?.['RecordState']).toBe('ACTIVE');
    expect(resolved && compliance(resolved)).toBe('PASSED');
    expect(first.imported).toBe(sb.securityHub.size);
  }, 60_000);

  it('a throttling storm: every finding lands, none twice', async () => {
    sb.faults.add({ kind: 'throttle', operation: 'securityhub:BatchImportFindings', times: 3 });
    const run = await dailyRun();
    expect(run.failed).toBe(0);
    expect(run.imported).toBe(run.submitted);
    expect(sb.securityHub.size).toBe(run.submitted);
    const created = sb.securityHub.events.filter((e) => e.effect === 'created').map((e) => e.id);
    expect(created).toHaveLength(run.submitted);
    expect(new Set(created).size).toBe(created.length);
    expect(sb.securityHub.events.filter((e) => e.effect !== 'created')).toEqual([]);
    // The state holds them all, so the next run sends nothing.
    expect(Object.keys((await readState(store, SCOPE)).state.findings)).toHaveLength(run.submitted);
    expect((await dailyRun()).submitted).toBe(0);
  }, 60_000);
});

describe('Security Hub state that cannot be read', () => {
  it('fails the run after its summary is written, naming the scope, and leaves the state as it was', async () => {
    await dailyRun();
    await store.put(stateKey(SCOPE), '{"format":', 'application/json');
    const second = { runId: 'day-2', date: new Date(T0 + DAY).toISOString().slice(0, 10) };
    await expect(dailyRun()).rejects.toThrow(`${stateKey(SCOPE)} is not JSON: `);
    const summary = JSON.parse((await store.get(keys.summary(second))) ?? '{}') as RunSummary;
    expect(hubSummary(summary).state.errors).toEqual([
      { scope: SCOPE, message: expect.stringContaining(`${stateKey(SCOPE)} is not JSON`) },
    ]);
    expect(hubSummary(summary).submitted).toBe(0);
    expect(await store.get(stateKey(SCOPE))).toBe('{"format":');
  }, 60_000);
});

describe('ASFF limits against the validating Security Hub', () => {
  it('truncates every field over its limit with an ellipsis, and Security Hub accepts it', async () => {
    const long = (n: number) => 'x'.repeat(n);
    const finding: Finding = eksFinding({
      resourceId: `arn:aws:eks:${REGION}:${ACCOUNT_A}:cluster/${long(600)}`,
      resourceName: long(600),
      account: ACCOUNT_A,
      region: REGION,
      title: long(400),
      message: long(5000),
      remediation: { summary: long(2000), cli: long(300) },
      subject: { type: 'eks-nodegroup', id: long(700), name: long(1500) },
      evidence: [{ path: 'cluster.x', value: long(60_000) }],
    });
    const hub = sb.securityHub;
    const client: SecurityHubClient = (await import('../../sandbox/clients')).securityHubClient(
      sb.url,
      {
        region: HUB_REGION,
      },
    );
    try {
      const { summary } = await syncSecurityHub(
        {
          run: { runId: 'limits', date: '2026-11-01' },
          findings: [{ finding, target: SCOPE }],
          completeTargets: new Set(),
          now: new Date(T0),
        },
        {
          client,
          account: ACCOUNT_A,
          region: HUB_REGION,
          partition: 'aws',
          bucketFor: () => new TokenBucket(10, 10),
        },
        store,
        silentLogger,
      );
      expect(summary).toMatchObject({ imported: 1, failed: 0 });
      const stored = hub.get(finding.id) ?? {};
      expect(String(stored['Title'])).toHaveLength(256);
      expect(String(stored['Description'])).toHaveLength(1024);
      expect(String(stored['Description']).endsWith('...')).toBe(true);
      const rec = (stored['Remediation'] as { Recommendation: { Text: string } }).Recommendation;
      expect(rec.Text).toHaveLength(512);
      const fields = stored['ProductFields'] as Record<string, string>;
      expect(fields['mk8s-audit/evidence']).toHaveLength(2048);
      const resources = stored['Resources'] as {
        Id: string;
        Details: { Other?: Record<string, string> };
      }[];
      expect(resources.every((r) => r.Id.length <= 512)).toBe(true);
      expect(resources[1]?.Details.Other?.['name']).toHaveLength(1024);
    } finally {
      client.destroy();
    }
  });
});
