import { existsSync } from 'node:fs';
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { startS3 } from '../../../sandbox/s3';

describe('startS3 (s3rver) with the real S3Client', () => {
  it('stores and lists objects in the configured buckets and removes its directory on stop', async () => {
    const s3 = await startS3({ buckets: ['findings', 'snapshots'] });
    const client = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
    try {
      await client.send(
        new PutObjectCommand({
          Bucket: 'findings',
          Key: 'runs/r1/findings.jsonl',
          Body: '{"a":1}\n',
          ContentType: 'application/x-ndjson',
        }),
      );
      const got = await client.send(
        new GetObjectCommand({ Bucket: 'findings', Key: 'runs/r1/findings.jsonl' }),
      );
      expect(await got.Body?.transformToString()).toBe('{"a":1}\n');
      const list = await client.send(new ListObjectsV2Command({ Bucket: 'snapshots' }));
      expect(list.KeyCount).toBe(0);
    } finally {
      client.destroy();
      await s3.stop();
    }
    expect(existsSync(s3.directory)).toBe(false);
  });
});
