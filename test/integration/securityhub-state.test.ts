import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger';
import { createS3Store } from '../../outputs/s3-store';
import { nextState, planLifecycle, targetOf } from '../../outputs/securityhub-lifecycle';
import {
  emptyState,
  LEGACY_STATE_KEY,
  readState,
  StateFormatError,
  stateKey,
  writeState,
} from '../../outputs/securityhub-state';
import { WriteConflictError } from '../../outputs/write-conflict';
import { splitLegacyState } from '../../pipeline/securityhub-legacy-state';
import type { ObjectStore } from '../../pipeline/types';
import { startS3 } from '../../sandbox/s3';
import { eksFinding, gkeFinding } from '../builders/finding';
import { tempStore } from '../helpers/pipeline-fakes';
import { type LocalS3, startLocalS3 } from '../helpers/s3rver';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3('state');
});
afterAll(async () => {
  await s3?.stop();
});

const SCOPE = 'aws:111122223333/eu-west-1';
const stateOf = (runId: string) => ({ ...emptyState(SCOPE), runId });

/** The same contract over S3 (s3rver behind the sandbox's conditional-write proxy) and a directory. */
async function stores(): Promise<[string, ObjectStore][]> {
  const { store: fs } = await tempStore();
  const prefix = `t${Math.random().toString(36).slice(2)}/`;
  return [
    ['S3', createS3Store({ client: s3.client, bucket: s3.bucket, prefix })],
    ['a directory', fs],
  ];
}

describe('Security Hub state: conditional writes', () => {
  it('writes the first state only if none exists, then only over the version it read', async () => {
    for (const [name, store] of await stores()) {
      const none = await readState(store, SCOPE);
      expect(none.version, name).toBeNull();
      await writeState(store, stateOf('run-1'), none.version);
      const one = await readState(store, SCOPE);
      expect(one.state.runId, name).toBe('run-1');
      expect(one.version, name).toEqual(expect.any(String));

      // A second run that also read "no state" loses: the first run's state stays whole.
      await expect(writeState(store, stateOf('run-late'), none.version), name).rejects.toThrow(
        WriteConflictError,
      );
      await writeState(store, stateOf('run-2'), one.version);
      // Two runs that both read version 1: the second writer fails, naming the key.
      await expect(writeState(store, stateOf('run-3'), one.version), name).rejects.toThrow(
        new RegExp(`${stateKey(SCOPE)} was changed by another writer`),
      );
      expect((await readState(store, SCOPE)).state.runId, name).toBe('run-2');
    }
  });

  it('lets exactly one of two overlapping writers win', async () => {
    for (const [name, store] of await stores()) {
      const base = await readState(store, SCOPE);
      await writeState(store, stateOf('base'), base.version);
      const read = await readState(store, SCOPE);
      const results = await Promise.allSettled([
        writeState(store, stateOf('a'), read.version),
        writeState(store, stateOf('b'), read.version),
      ]);
      expect(
        results.filter((r) => r.status === 'fulfilled'),
        name,
      ).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected');
      expect((lost as PromiseRejectedResult).reason, name).toBeInstanceOf(WriteConflictError);
      expect(['a', 'b'], name).toContain((await readState(store, SCOPE)).state.runId);
    }
  });

  it('refuses a state object that is not valid, naming the key and the field', async () => {
    const store = createS3Store({ client: s3.client, bucket: s3.bucket, prefix: 'bad/' });
    await s3.client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `bad/${stateKey(SCOPE)}`,
        Body: JSON.stringify({ ...emptyState(SCOPE), findings: { x: { hash: 1 } } }),
      }),
    );
    await expect(readState(store, SCOPE)).rejects.toThrow(StateFormatError);
    await expect(readState(store, SCOPE)).rejects.toThrow(
      /state\/securityhub\/aws\/111122223333\/eu-west-1.json is not a valid Security Hub state: findings\.x\./,
    );
    // A scope's object that holds another scope (copied by hand?) is refused too.
    await s3.client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `bad/${stateKey('gcp:mine')}`,
        Body: JSON.stringify(emptyState('gcp:other')),
      }),
    );
    await expect(readState(store, 'gcp:mine')).rejects.toThrow(
      'state/securityhub/gcp/mine.json is not a valid Security Hub state: it holds scope "gcp:other", not "gcp:mine"',
    );
  });

  it('the sandbox S3 refuses conditional PUTs that do not hold, as S3 does (412/404)', async () => {
    const local = await startS3({ buckets: ['b'] });
    try {
      const res = await fetch(`${local.url}/b/k`, {
        method: 'PUT',
        headers: { 'if-match': '"nope"' },
        body: 'x',
      });
      expect(res.status).toBe(404);
      await fetch(`${local.url}/b/k`, { method: 'PUT', body: 'x' });
      const again = await fetch(`${local.url}/b/k`, {
        method: 'PUT',
        headers: { 'if-none-match': '*' },
        body: 'y',
      });
      expect(again.status).toBe(412);
      expect(await again.text()).toContain('<Code>PreconditionFailed</Code>');
      expect(local.conditionalWrites.refused).toBe(2);
    } finally {
      await local.stop();
    }
  });
});

/** A legacy (version 1) state of two EKS findings in one scope and a GKE finding in another. */
function legacyState() {
  const now = new Date('2026-11-01T03:00:00.000Z');
  const dest = { account: '111122223333', region: 'us-east-1', partition: 'aws' } as const;
  const findings = [eksFinding(), eksFinding({ checkId: 'eks-secrets-encryption' }), gkeFinding()];
  const plan = planLifecycle({
    state: emptyState('any'),
    current: findings.map((finding) => ({ finding, target: targetOf(finding), destination: dest })),
    completeTargets: new Set(),
    now,
  });
  const { scope: _, ...state } = nextState(emptyState('any'), plan.imports, { runId: 'old', now });
  return { whole: { ...state, version: 1 }, findings, now };
}

describe('Security Hub state: one object per scope', () => {
  it('keys each scope under state/securityhub/, encoded so no label leaves the prefix', () => {
    expect(stateKey('aws:111122223333/eu-west-1')).toBe(
      'state/securityhub/aws/111122223333/eu-west-1.json',
    );
    expect(stateKey('gcp:acme-prod')).toBe('state/securityhub/gcp/acme-prod.json');
    expect(stateKey('azure:0f1e2d3c-aaaa-bbbb-cccc-1234567890ab')).toBe(
      'state/securityhub/azure/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab.json',
    );
    expect(stateKey('aws:../..')).toBe('state/securityhub/aws/%2E%2E/%2E%2E.json');
    expect(stateKey('gcp:a/b?c')).toBe('state/securityhub/gcp/a/b%3Fc.json');
    expect(stateKey('aws:a/')).not.toBe(stateKey('aws:a'));
  });

  it('splits the legacy whole-deployment state into its scopes once, keeping newer objects', async () => {
    const { whole, findings, now } = legacyState();
    for (const [name, store] of await stores()) {
      await store.put(
        LEGACY_STATE_KEY,
        JSON.stringify({ ...whole, version: 1 }),
        'application/json',
      );
      // A scope already written by a later run keeps its own object.
      const later = { ...emptyState('gcp:acme-prod'), runId: 'later' };
      await writeState(store, later, null);

      const split = await splitLegacyState(store, { runId: 'run-1', now }, false, silentLogger);
      expect(split, name).toEqual({ scopes: 2 });
      const aws = await readState(store, 'aws:012345678910/us-west-2');
      expect(Object.keys(aws.state.findings).sort(), name).toEqual(
        [findings[0]?.id, findings[1]?.id].sort(),
      );
      expect(aws.state.runId, name).toBe('old');
      expect((await readState(store, 'gcp:acme-prod')).state.runId, name).toBe('later');
      expect(JSON.parse((await store.get(LEGACY_STATE_KEY)) ?? ''), name).toEqual({
        format: 'mk8s-audit-securityhub-state-moved',
        movedTo: 'state/securityhub/',
        runId: 'run-1',
        movedAt: now.toISOString(),
      });
      // Split once: the next run finds the marker.
      expect(await splitLegacyState(store, { runId: 'run-2', now }, false, silentLogger)).toBe(
        undefined,
      );
    }
  });

  it('a dry run reads the legacy state by scope and writes nothing', async () => {
    const { store } = await tempStore();
    const { whole, findings, now } = legacyState();
    await store.put(LEGACY_STATE_KEY, JSON.stringify(whole), 'application/json');
    const split = await splitLegacyState(store, { runId: 'dry', now }, true, silentLogger);
    expect(split?.scopes).toBe(2);
    expect(Object.keys(split?.byScope?.get('gcp:acme-prod')?.findings ?? {})).toEqual([
      findings[2]?.id,
    ]);
    expect(JSON.parse((await store.get(LEGACY_STATE_KEY)) ?? '')).toEqual(whole);
    expect(await store.list('state/securityhub/')).toEqual([]);
  });

  it('refuses a legacy state that is not valid, naming it', async () => {
    const { store } = await tempStore();
    await store.put(
      LEGACY_STATE_KEY,
      '{"format":"mk8s-audit-securityhub-state"',
      'application/json',
    );
    await expect(
      splitLegacyState(store, { runId: 'r', now: new Date() }, false, silentLogger),
    ).rejects.toThrow(/^state\/securityhub-state.json is not JSON: /);
  });
});
