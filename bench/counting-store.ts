import type { ObjectStore } from '../pipeline/types';

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
    get(key) {
      counts.gets += 1;
      return inner.get(key);
    },
    async list(prefix) {
      const keys = await inner.list(prefix);
      counts.lists += Math.max(1, Math.ceil(keys.length / 1000));
      return keys;
    },
  };
}
