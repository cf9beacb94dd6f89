import type { ObjectStore } from '../pipeline/types';

/** The part size of the S3 store's multipart uploads (`outputs/s3-store.ts`). */
const PART_BYTES = 5 * 1024 * 1024;

/** What a run asked of its store: the S3 requests of the cost estimate. */
export interface StoreCounts {
  puts: number;
  gets: number;
  /** ListObjectsV2 requests: one per 1,000 keys listed. */
  lists: number;
}

/** Counts the requests made of a store (a local directory standing in for S3). */
export function countingStore(inner: ObjectStore): ObjectStore & { counts: StoreCounts } {
  const counts: StoreCounts = { puts: 0, gets: 0, lists: 0 };
  return {
    counts,
    put(key, body, contentType) {
      counts.puts += 1;
      return inner.put(key, body, contentType);
    },
    ...(inner.openWrite
      ? {
          openWrite(key: string, contentType: string) {
            const writer = (inner.openWrite as NonNullable<ObjectStore['openWrite']>)(
              key,
              contentType,
            );
            let bytes = 0;
            return {
              write(chunk: string) {
                bytes += Buffer.byteLength(chunk);
                return writer.write(chunk);
              },
              async end() {
                await writer.end();
                // S3: one PutObject below a part, else create + one request per part + complete.
                const parts = Math.ceil(bytes / PART_BYTES);
                counts.puts += parts <= 1 ? 1 : parts + 2;
              },
              abort: () => writer.abort(),
            };
          },
        }
      : {}),
    get(key) {
      counts.gets += 1;
      return inner.get(key);
    },
    ...(inner.getStream
      ? {
          getStream(key: string) {
            counts.gets += 1;
            return (inner.getStream as NonNullable<ObjectStore['getStream']>).call(inner, key);
          },
        }
      : {}),
    async list(prefix) {
      const keys = await inner.list(prefix);
      counts.lists += Math.max(1, Math.ceil(keys.length / 1000));
      return keys;
    },
  };
}
