import type { ObjectStore } from './types';

/** An audit step that ran past its deadline (what a Lambda timeout is to a Map item). */
export class TargetTimeoutError extends Error {
  override readonly name = 'TargetTimeoutError';
}

/**
 * Runs one target's audit with a deadline. Past it the step counts as failed, and the store it
 * was given refuses its late writes: like a Lambda function stopped at its timeout, an abandoned
 * step never leaves a result that publish would read as finished.
 */
export async function withTargetDeadline<T>(
  store: ObjectStore,
  timeoutMs: number | undefined,
  label: string,
  step: (store: ObjectStore) => Promise<T>,
): Promise<T> {
  if (timeoutMs === undefined) return step(store);
  let expired = false;
  const guarded: ObjectStore = {
    put: async (key, body, contentType) => {
      if (expired)
        throw new TargetTimeoutError(`${label} timed out; its write of ${key} is dropped`);
      await store.put(key, body, contentType);
    },
    get: (key) => store.get(key),
    list: (prefix) => store.list(prefix),
  };
  const { openWrite } = store;
  if (openWrite) {
    guarded.openWrite = (key, contentType) => {
      const writer = openWrite.call(store, key, contentType);
      const late = () =>
        new TargetTimeoutError(`${label} timed out; its write of ${key} is dropped`);
      return {
        write: async (chunk) => {
          if (expired) throw late();
          await writer.write(chunk);
        },
        end: async () => {
          if (expired) {
            await writer.abort();
            throw late();
          }
          await writer.end();
        },
        abort: () => writer.abort(),
      };
    };
  }
  const running = step(guarded);
  // The abandoned step keeps running until its calls end; its failure is expected and ignored.
  running.catch(() => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      expired = true;
      reject(new TargetTimeoutError(`${label} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([running, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
