import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Store } from '../../outputs/s3-store';
import {
  emptyState,
  readState,
  SECURITY_HUB_STATE_KEY,
  StateFormatError,
  writeState,
} from '../../outputs/securityhub-state';
import { WriteConflictError } from '../../outputs/write-conflict';
import type { ObjectStore } from '../../pipeline/types';
import { startS3 } from '../../sandbox/s3';
import { tempStore } from '../helpers/pipeline-fakes';
import { type LocalS3, startLocalS3 } from '../helpers/s3rver';

let s3: LocalS3;
beforeAll(async () => {
  s3 = await startLocalS3('state');
});
afterAll(async () => {
  await s3?.stop();
});

const stateOf = (runId: string) => ({ ...emptyState(), runId });

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
      const none = await readState(store);
      expect(none.version, name).toBeNull();
      await writeState(store, stateOf('run-1'), none.version);
      const one = await readState(store);
      expect(one.state.runId, name).toBe('run-1');
      expect(one.version, name).toEqual(expect.any(String));

      // A second run that also read "no state" loses: the first run's state stays whole.
      await expect(writeState(store, stateOf('run-late'), none.version), name).rejects.toThrow(
        WriteConflictError,
      );
      await writeState(store, stateOf('run-2'), one.version);
      // Two runs that both read version 1: the second writer fails, naming the key.
      await expect(writeState(store, stateOf('run-3'), one.version), name).rejects.toThrow(
        new RegExp(`${SECURITY_HUB_STATE_KEY} was changed by another writer`),
      );
      expect((await readState(store)).state.runId, name).toBe('run-2');
    }
  });

  it('lets exactly one of two overlapping writers win', async () => {
    for (const [name, store] of await stores()) {
      const base = await readState(store);
      await writeState(store, stateOf('base'), base.version);
      const read = await readState(store);
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
      expect(['a', 'b'], name).toContain((await readState(store)).state.runId);
    }
  });

  it('refuses a state object that is not valid, naming the key and the field', async () => {
    const store = createS3Store({ client: s3.client, bucket: s3.bucket, prefix: 'bad/' });
    await s3.client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: `bad/${SECURITY_HUB_STATE_KEY}`,
        Body: JSON.stringify({ ...emptyState(), findings: { x: { hash: 1 } } }),
      }),
    );
    await expect(readState(store)).rejects.toThrow(StateFormatError);
    await expect(readState(store)).rejects.toThrow(
      /state\/securityhub-state.json is not a valid Security Hub state: findings\.x\./,
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
