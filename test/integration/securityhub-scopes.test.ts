import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/finding';
import { silentLogger } from '../../core/logger';
import { createS3Store } from '../../outputs/s3-store';
import {
  LEGACY_STATE_KEY,
  readState,
  type SecurityHubState,
  stateKey,
  writeState,
} from '../../outputs/securityhub-state';
import { TokenBucket } from '../../outputs/token-bucket';
import { WriteConflictError } from '../../outputs/write-conflict';
import {
  type SecurityHubDestination,
  type SyncOutcome,
  syncSecurityHub,
} from '../../pipeline/securityhub-sync';
import type { ObjectStore } from '../../pipeline/types';
import { securityHubClient } from '../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { eksFinding, gkeFinding } from '../builders/finding';
import { type LocalS3, startLocalS3 } from '../helpers/s3rver';
import { awsEstate } from './sandbox/estates';

/**
 * The Security Hub state kept per scope: each scope's state read, planned and written on its
 * own, several scopes' imports sent together in full calls, and a scope whose state cannot be
 * read or written failing alone. The sandbox's validating Security Hub; states in s3rver.
 */
const HUB_ACCOUNT = '111122223333';
const HUB_REGION = 'us-east-1';
const T0 = Date.parse('2026-11-01T03:00:00.000Z');
const DAY = 24 * 3600 * 1000;
const SCOPES = ['aws:111122223333/us-east-2', 'aws:444455556666/eu-west-1', 'gcp:acme-prod'];

let sb: Sandbox;
let s3: LocalS3;
let client: SecurityHubClient;
let store: ObjectStore;
let prefix: string;

beforeAll(async () => {
  sb = await startSandbox({ estate: awsEstate(1) });
  s3 = await startLocalS3('scopes');
  client = securityHubClient(sb.url, { region: HUB_REGION });
}, 60_000);
afterAll(async () => {
  client?.destroy();
  await s3?.stop();
  await sb?.stop();
});
beforeEach(() => {
  sb.securityHub.clear();
  prefix = `t${Math.random().toString(36).slice(2)}/`;
  store = createS3Store({ client: s3.client, bucket: s3.bucket, prefix });
});

/** `count` failing findings of one scope (distinct checks of one cluster). */
function scopeFindings(scope: string, count: number, status: Finding['status'] = 'fail') {
  const [cloud, rest = ''] = scope.split(':');
  const [account = '', region = 'global'] = rest.split('/');
  return Array.from({ length: count }, (_, i) => {
    const checkId = `check-${String(i).padStart(3, '0')}`;
    const finding =
      cloud === 'gcp'
        ? gkeFinding({ checkId, account, status })
        : eksFinding({
            checkId,
            status,
            account,
            region,
            resourceId: `arn:aws:eks:${region}:${account}:cluster/c1`,
          });
    return { finding, target: scope };
  });
}

const hub = (): SecurityHubDestination => ({
  client,
  account: HUB_ACCOUNT,
  region: HUB_REGION,
  partition: 'aws',
  bucketFor: () => new TokenBucket(100, 100),
  sleep: async () => {},
});

async function day(
  n: number,
  findings: { finding: Finding; target: string }[],
  on: ObjectStore = store,
): Promise<SyncOutcome> {
  return syncSecurityHub(
    {
      run: { runId: `day-${n}`, date: new Date(T0 + n * DAY).toISOString().slice(0, 10) },
      findings,
      completeTargets: new Set(SCOPES),
      now: new Date(T0 + n * DAY),
    },
    hub(),
    on,
    silentLogger,
  );
}

const estate = () => [
  ...scopeFindings(SCOPES[0] ?? '', 120),
  ...scopeFindings(SCOPES[1] ?? '', 90),
  ...scopeFindings(SCOPES[2] ?? '', 40),
];

describe('Security Hub state per scope', () => {
  it('keeps one state object per scope, and sends the scopes together in full calls', async () => {
    const first = await day(0, estate());
    expect(first.failure).toBeUndefined();
    expect(first.summary).toMatchObject({ submitted: 250, imported: 250, failed: 0, calls: 3 });
    expect(first.summary.state).toEqual({
      key: 'state/securityhub/',
      scopes: 3,
      written: 3,
      entries: 250,
      conflicts: [],
      errors: [],
    });
    for (const [scope, entries] of [
      [SCOPES[0] ?? '', 120],
      [SCOPES[1] ?? '', 90],
      [SCOPES[2] ?? '', 40],
    ] as const) {
      expect(Object.keys((await readState(store, scope)).state.findings)).toHaveLength(entries);
    }
    expect((await store.list('state/')).sort()).toEqual(SCOPES.map(stateKey).sort());

    // Nothing changed: nothing sent, and no state rewritten.
    const second = await day(1, estate());
    expect(second.summary).toMatchObject({ submitted: 0, unchanged: 250, calls: 0 });
    expect(second.summary.state).toMatchObject({ scopes: 3, written: 0, entries: 250 });
  });

  it('an overlapping run that wrote one scope first: that scope is its, the others are written', async () => {
    await day(0, estate());
    const [lost, ...kept] = SCOPES;
    // A store whose state write of one scope loses to another run's, made just before it.
    const racing: ObjectStore = {
      ...store,
      get: store.get.bind(store),
      list: store.list.bind(store),
      put: store.put.bind(store),
      getVersioned: async (key) => store.getVersioned?.(key),
      async putIfVersion(key, body, type, expected) {
        if (key === stateKey(lost ?? '')) {
          const other = await readState(store, lost ?? '');
          await writeState(store, { ...other.state, runId: 'other-run' }, other.version);
        }
        return store.putIfVersion?.(key, body, type, expected);
      },
    };
    const fixed = estate().map((f) => ({
      ...f,
      finding: { ...f.finding, status: 'pass' as const },
    }));
    const outcome = await day(1, fixed, racing);
    expect(outcome.failure).toBeInstanceOf(WriteConflictError);
    expect(outcome.summary).toMatchObject({ submitted: 250, passed: 250, failed: 0 });
    expect(outcome.summary.state).toMatchObject({ written: 2, conflicts: [lost], errors: [] });
    expect((await readState(store, lost ?? '')).state.runId).toBe('other-run');
    for (const scope of kept) expect((await readState(store, scope)).state.runId).toBe('day-1');
  });

  it('a scope whose state is unreadable fails alone, named; the other scopes are synced', async () => {
    await day(0, estate());
    const [broken, ...rest] = SCOPES;
    await s3.client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `${prefix}${stateKey(broken ?? '')}`,
        Body: '{"format":',
      }),
    );
    const fixed = estate().map((f) => ({
      ...f,
      finding: { ...f.finding, status: 'pass' as const },
    }));
    const outcome = await day(1, fixed);
    expect(outcome.failure?.message).toMatch(
      /^state\/securityhub\/aws\/111122223333\/us-east-2.json is not JSON/,
    );
    expect(outcome.summary.state.errors).toEqual([
      { scope: broken, message: outcome.failure?.message },
    ]);
    // The broken scope's 120 findings are neither sent nor counted; the others' 130 passed.
    expect(outcome.summary).toMatchObject({ submitted: 130, passed: 130, failed: 0 });
    expect(outcome.summary.state).toMatchObject({ scopes: 3, written: 2 });
    for (const scope of rest) expect((await readState(store, scope)).state.runId).toBe('day-1');
  });

  it('an upgrade splits the single state of earlier releases and sends nothing again', async () => {
    await day(0, estate());
    const whole: SecurityHubState = {
      format: 'mk8s-audit-securityhub-state',
      version: 1,
      runId: 'day-0',
      updatedAt: new Date(T0).toISOString(),
      findings: {},
    };
    for (const scope of SCOPES) {
      Object.assign(whole.findings, (await readState(store, scope)).state.findings);
      await s3.client.send(
        new DeleteObjectCommand({ Bucket: s3.bucket, Key: `${prefix}${stateKey(scope)}` }),
      );
    }
    await store.put(LEGACY_STATE_KEY, JSON.stringify(whole), 'application/json');
    const dry = await syncSecurityHub(
      {
        run: { runId: 'dry', date: '2026-11-02' },
        findings: estate(),
        completeTargets: new Set(SCOPES),
        now: new Date(T0 + DAY),
      },
      { ...hub(), dryRun: true },
      store,
      silentLogger,
    );
    expect(dry.summary).toMatchObject({ submitted: 0, unchanged: 250 });
    expect(await store.list('state/securityhub/')).toEqual([]);

    const upgraded = await day(1, estate());
    expect(upgraded.summary).toMatchObject({ submitted: 0, unchanged: 250, calls: 0 });
    expect(upgraded.summary.state).toMatchObject({ splitFromLegacy: 3, entries: 250 });
    expect((await store.list('state/securityhub/')).sort()).toEqual(SCOPES.map(stateKey).sort());
    expect(JSON.parse((await store.get(LEGACY_STATE_KEY)) ?? '')).toMatchObject({
      format: 'mk8s-audit-securityhub-state-moved',
      runId: 'day-1',
    });
    // The scope gone from the estate is archived from its own state on the next run.
    const later = await day(
      2,
      estate().filter((f) => f.target !== SCOPES[2]),
    );
    expect(later.summary).toMatchObject({ submitted: 40, archived: 40 });
  });
});
