import { S3Client } from '@aws-sdk/client-s3';
import { startS3 } from '../../sandbox/s3';

export interface LocalS3 {
  client: S3Client;
  bucket: string;
  stop(): Promise<void>;
}

/** The sandbox's s3rver with one bucket, and an S3 client for it that does not retry. */
export async function startLocalS3(bucket = 'findings'): Promise<LocalS3> {
  const s3 = await startS3({ buckets: [bucket] });
  const client = new S3Client({ ...s3.clientConfig, maxAttempts: 1 });
  return {
    client,
    bucket,
    async stop() {
      client.destroy();
      await s3.stop();
    },
  };
}
