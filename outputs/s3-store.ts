import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from '../pipeline/types';
import { checkKey } from './store-key';

export interface S3StoreOptions {
  client: S3Client;
  bucket: string;
  /** Prepended to every key (e.g. `mk8s-audit/`); keys given to and returned by the store omit it. */
  prefix?: string;
}

/** An ObjectStore over one S3 bucket (the findings bucket in AWS, s3rver locally). */
export function createS3Store({ client, bucket, prefix = '' }: S3StoreOptions): ObjectStore {
  return {
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: prefix + checkKey(key),
          Body: body,
          ContentType: contentType,
        }),
      );
    },
    async get(key) {
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: prefix + checkKey(key) }),
        );
        return out.Body ? await out.Body.transformToString('utf-8') : '';
      } catch (error) {
        // GetObject answers NoSuchKey for a missing key when the caller may list the bucket.
        if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async list(keyPrefix) {
      const keys: string[] = [];
      const pages = paginateListObjectsV2(
        { client },
        { Bucket: bucket, Prefix: prefix + keyPrefix },
      );
      for await (const page of pages) {
        for (const o of page.Contents ?? []) {
          if (o.Key?.startsWith(prefix)) keys.push(o.Key.slice(prefix.length));
        }
      }
      return keys.sort();
    },
  };
}
