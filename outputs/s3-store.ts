import type { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  paginateListObjectsV2,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import type { ObjectStore, ObjectWriter } from '../pipeline/types';
import { batchedWrites } from './object-writer';
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

/** Parts of a multipart upload: S3 wants at least 5 MiB for every part but the last. */
const PART_BYTES = 5 * 1024 * 1024;

/**
 * A multipart upload fed a part at a time, so at most one part is held in memory; an object
 * smaller than one part is a single PutObject. The object appears only when the upload completes.
 */
function multipartWriter(
  client: S3Client,
  bucket: string,
  key: string,
  type: string,
): ObjectWriter {
  let uploadId: string | undefined;
  let ended = false;
  let small: Buffer | undefined;
  const parts: { ETag: string; PartNumber: number }[] = [];
  const upload = async (body: Buffer) => {
    if (uploadId === undefined) {
      const created = await client.send(
        new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: type }),
      );
      if (!created.UploadId) throw new Error(`S3 gave no upload id for ${key}`);
      uploadId = created.UploadId;
    }
    const PartNumber = parts.length + 1;
    const out = await client.send(
      new UploadPartCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        PartNumber,
        Body: body,
      }),
    );
    parts.push({ ETag: out.ETag ?? '', PartNumber });
  };
  // Only the last part may be under 5 MiB: a remainder at `end` is that last part, or, when
  // nothing was sent yet, the whole object.
  const batch = batchedWrites(async (body) => {
    if (ended && uploadId === undefined) small = body;
    else await upload(body);
  }, PART_BYTES);
  return {
    write: batch.write,
    async end() {
      ended = true;
      await batch.drain();
      if (uploadId === undefined) {
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: small ?? '', ContentType: type }),
        );
        return;
      }
      await client.send(
        new CompleteMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          UploadId: uploadId,
          MultipartUpload: { Parts: parts },
        }),
      );
    },
    async abort() {
      if (uploadId === undefined) return;
      await client.send(
        new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId }),
      );
    },
  };
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
    openWrite(key, contentType) {
      return multipartWriter(client, bucket, prefix + checkKey(key), contentType);
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
    async getStream(key) {
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: prefix + checkKey(key) }),
        );
        if (!out.Body) return (async function* () {})();
        // In Node the body is a Readable: decoded as it arrives, never joined.
        const body = out.Body as Readable;
        body.setEncoding('utf8');
        return body;
      } catch (error) {
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
