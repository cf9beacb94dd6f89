import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStore } from '../pipeline/types';
import { checkKey } from './store-key';
import { WriteConflictError } from './write-conflict';

/**
 * S3 answers a lost conditional write with 412 PreconditionFailed, a concurrent conditional
 * write with 409 ConditionalRequestConflict, and If-Match on a deleted key with 404 NoSuchKey
 * (S3 User Guide, "Conditional writes").
 */
const CONFLICT_CODES = new Set(['PreconditionFailed', 'ConditionalRequestConflict', 'NoSuchKey']);

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

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
    async getVersioned(key) {
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: prefix + checkKey(key) }),
        );
        const body = out.Body ? await out.Body.transformToString('utf-8') : '';
        return { body, version: out.ETag ?? '' };
      } catch (error) {
        if (error instanceof NoSuchKey || (error as Error).name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async putIfVersion(key, body, contentType, expected) {
      try {
        await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: prefix + checkKey(key),
            Body: body,
            ContentType: contentType,
            ...(expected === null ? { IfNoneMatch: '*' } : { IfMatch: expected }),
          }),
        );
      } catch (error) {
        const name = (error as Error).name;
        const status = statusOf(error);
        if (CONFLICT_CODES.has(name) || status === 412 || status === 409) {
          throw new WriteConflictError(key, expected, `S3 answered ${name} (${status ?? '?'})`);
        }
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
