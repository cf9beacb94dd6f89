import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsStore } from '../../outputs/fs-store';
import { createS3Store } from '../../outputs/s3-store';
import type { ObjectStore } from '../../pipeline/types';
import { startListObjectsServer } from '../helpers/list-objects-server';
import { type LocalS3, startLocalS3 } from '../helpers/s3rver';

let s3: LocalS3;
let dir: string;

beforeAll(async () => {
  s3 = await startLocalS3();
  dir = await mkdtemp(join(tmpdir(), 'fs-store-'));
});
afterAll(async () => {
  await s3.stop();
  await rm(dir, { recursive: true, force: true });
});

const stores: [string, () => ObjectStore][] = [
  ['s3 store (s3rver)', () => createS3Store({ client: s3.client, bucket: s3.bucket })],
  [
    's3 store with a key prefix',
    () => createS3Store({ client: s3.client, bucket: s3.bucket, prefix: 'audit/' }),
  ],
  ['fs store', () => createFsStore(dir)],
];

describe.each(stores)('%s', (name, make) => {
  const base = `t-${name.replace(/\W+/g, '-')}/`;

  it('puts and gets text, and gets undefined for a missing key', async () => {
    const store = make();
    await store.put(`${base}a/b.json`, '{"x":"é"}', 'application/json');
    expect(await store.get(`${base}a/b.json`)).toBe('{"x":"é"}');
    expect(await store.get(`${base}a/missing.json`)).toBeUndefined();
  });

  it('writes an object in pieces: small, larger than a multipart part, and aborted', async () => {
    const store = make();
    const open = store.openWrite;
    if (!open) throw new Error(`${name} cannot write in pieces`);
    const small = open.call(store, `${base}pieces/small.json`, 'application/json');
    await small.write('[');
    await small.write('"é"');
    await small.write(']\n');
    expect(await store.get(`${base}pieces/small.json`)).toBeUndefined();
    await small.end();
    expect(await store.get(`${base}pieces/small.json`)).toBe('["é"]\n');

    // 12 MiB in 1 KiB pieces with multi-byte characters: three S3 parts, the last one short.
    const line = `${'é'.repeat(200)}${'x'.repeat(623)}\n`;
    const pieces = 12 * 1024;
    const large = open.call(store, `${base}pieces/large.txt`, 'text/plain');
    for (let i = 0; i < pieces; i++) await large.write(line);
    await large.end();
    const read = await store.get(`${base}pieces/large.txt`);
    expect(read?.length).toBe(line.length * pieces);
    expect(read === line.repeat(pieces)).toBe(true);

    const dropped = open.call(store, `${base}pieces/dropped.txt`, 'text/plain');
    for (let i = 0; i < 6 * 1024; i++) await dropped.write(line);
    // s3rver has no AbortMultipartUpload (it answers MethodNotAllowed); S3 has. Either way the
    // object never appears, as the upload was not completed.
    await dropped.abort().catch(() => {});
    expect(await store.get(`${base}pieces/dropped.txt`)).toBeUndefined();
    expect(await store.list(`${base}pieces/`)).toEqual([
      `${base}pieces/large.txt`,
      `${base}pieces/small.json`,
    ]);
  });

  it('reads an object in pieces, multi-byte characters whole, and undefined for a missing key', async () => {
    const store = make();
    const getStream = store.getStream;
    if (!getStream) throw new Error(`${name} cannot read in pieces`);
    // 3 MiB with a 3-byte character on every boundary a read could cut at.
    const text = `${'✓'.repeat(1024 * 1024)}end`;
    await store.put(`${base}stream/big.txt`, text, 'text/plain');
    const chunks: string[] = [];
    for await (const chunk of (await getStream.call(store, `${base}stream/big.txt`)) ?? []) {
      chunks.push(chunk);
    }
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(text);
    expect(await getStream.call(store, `${base}stream/missing.txt`)).toBeUndefined();
  });

  it('overwrites a key', async () => {
    const store = make();
    await store.put(`${base}over.txt`, 'one', 'text/plain');
    await store.put(`${base}over.txt`, 'two', 'text/plain');
    expect(await store.get(`${base}over.txt`)).toBe('two');
  });

  it('lists every key under a prefix and no other', async () => {
    const store = make();
    const keys = Array.from(
      { length: 25 },
      (_, i) => `${base}many/k${String(i).padStart(4, '0')}.json`,
    );
    await Promise.all(keys.map((k) => store.put(k, '{}', 'application/json')));
    await store.put(`${base}other/x.json`, '{}', 'application/json');
    expect(await store.list(`${base}many/`)).toEqual(keys);
    expect(await store.list(`${base}nothing-here/`)).toEqual([]);
  });

  it('rejects keys that escape the store', async () => {
    const store = make();
    await expect(store.put('../escape.json', '{}', 'application/json')).rejects.toThrow(
      /Invalid object key/,
    );
    await expect(store.get('/abs/x.json')).rejects.toThrow(/Invalid object key/);
  });
});

describe('s3 store prefix', () => {
  it('keeps the prefix out of the keys it returns and puts it on the object keys', async () => {
    const prefixed = createS3Store({ client: s3.client, bucket: s3.bucket, prefix: 'pfx/' });
    const bare = createS3Store({ client: s3.client, bucket: s3.bucket });
    await prefixed.put('runs/one.json', '1', 'application/json');
    expect(await prefixed.list('runs/')).toEqual(['runs/one.json']);
    expect(await bare.get('pfx/runs/one.json')).toBe('1');
  });
});

describe('s3 store pagination', () => {
  it('follows continuation tokens until the last page', async () => {
    const keys = Array.from({ length: 23 }, (_, i) => `pfx/runs/k${String(i).padStart(2, '0')}`);
    const server = await startListObjectsServer([...keys, 'pfx/other/x'], 10);
    const client = new S3Client({
      endpoint: server.url,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
      maxAttempts: 1,
    });
    try {
      const store = createS3Store({ client, bucket: 'findings', prefix: 'pfx/' });
      expect(await store.list('runs/')).toEqual(keys.map((k) => k.slice('pfx/'.length)));
      expect(server.requests.map((q) => q.get('continuation-token'))).toEqual([null, '10', '20']);
      expect(server.requests.every((q) => q.get('prefix') === 'pfx/runs/')).toBe(true);
    } finally {
      client.destroy();
      await server.close();
    }
  });
});
