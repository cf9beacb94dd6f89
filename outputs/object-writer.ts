import type { ObjectStore, ObjectWriter } from '../pipeline/types';

/**
 * A writer for `key`: the store's own (a file, an S3 multipart upload) when it has one, else the
 * pieces joined and stored with `put` at `end` (stores kept in memory, test doubles).
 */
export function openObjectWriter(
  store: ObjectStore,
  key: string,
  contentType: string,
): ObjectWriter {
  if (store.openWrite) return store.openWrite(key, contentType);
  let chunks: string[] = [];
  return {
    async write(chunk) {
      chunks.push(chunk);
    },
    async end() {
      const body = chunks.join('');
      chunks = [];
      await store.put(key, body, contentType);
    },
    async abort() {
      chunks = [];
    },
  };
}

/**
 * Collects small writes into pieces of about `size` bytes before handing them on, so a writer
 * that makes one request or system call per piece is not called once per finding. Each write is
 * encoded at once: no string larger than one write is built (large strings live in V8's
 * large-object space until a full collection, small buffers die young).
 */
export function batchedWrites(
  flush: (body: Buffer) => Promise<void>,
  size: number,
): { write(chunk: string): Promise<void>; drain(): Promise<void> } {
  let pending: Buffer[] = [];
  let bytes = 0;
  const drain = async () => {
    if (bytes === 0) return;
    const body = pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending, bytes);
    pending = [];
    bytes = 0;
    await flush(body);
  };
  return {
    async write(chunk) {
      if (chunk.length === 0) return;
      const piece = Buffer.from(chunk, 'utf8');
      pending.push(piece);
      bytes += piece.length;
      if (bytes >= size) await drain();
    },
    drain,
  };
}
