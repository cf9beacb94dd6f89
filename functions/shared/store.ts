import { S3Client } from '@aws-sdk/client-s3';
import { createS3Store } from '../../outputs/s3-store';
import type { ObjectStore } from '../../pipeline/types';

/** The findings bucket as the run's object store, with the function's own credentials. */
export function findingsStore(bucket: string, region: string): ObjectStore {
  return createS3Store({ client: new S3Client({ region }), bucket });
}
