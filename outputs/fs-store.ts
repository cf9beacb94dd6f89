import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ObjectStore, ObjectWriter } from '../pipeline/types';
import { batchedWrites } from './object-writer';
import { checkKey } from './store-key';
import { WriteConflictError } from './write-conflict';

/** A lock file older than this is left over by a writer that died; it is taken over. */
const STALE_LOCK_MS = 10 * 60 * 1000;

const versionOf = (text: string) => createHash('sha256').update(text).digest('hex');

async function readOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Takes `<path>.lock` exclusively (O_EXCL), or throws a conflict naming the lock. */
async function lock(
  path: string,
  key: string,
  expected: string | null,
): Promise<() => Promise<void>> {
  const lockPath = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.close();
      return () => rm(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age =
        Date.now() - (await stat(lockPath).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
      if (age < STALE_LOCK_MS) {
        throw new WriteConflictError(key, expected, `another writer holds ${lockPath}`);
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new WriteConflictError(key, expected, `could not take ${lockPath}`);
}

/** Writes to a temporary file beside `path`, renamed onto it at `end`: never half a file. */
function fileWriter(path: string): ObjectWriter {
  const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  const file = mkdir(dirname(path), { recursive: true }).then(() => open(tmp, 'w'));
  // Keep the promise from rejecting unobserved before the first write awaits it.
  file.catch(() => {});
  const batch = batchedWrites(async (body) => {
    await (await file).write(body);
  }, 1 << 20);
  return {
    write: batch.write,
    async end() {
      await batch.drain();
      const handle = await file;
      await handle.close();
      await rename(tmp, path);
    },
    async abort() {
      await (await file.catch(() => undefined))?.close().catch(() => {});
      await rm(tmp, { force: true });
    },
  };
}

/** An ObjectStore over a local directory (the CLI's `--out`): key `a/b.json` is `<root>/a/b.json`. */
export function createFsStore(root: string): ObjectStore {
  return {
    async put(key, body) {
      const path = join(root, checkKey(key));
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
      await writeFile(tmp, body, 'utf8');
      await rename(tmp, path);
    },
    openWrite(key) {
      return fileWriter(join(root, checkKey(key)));
    },
    async get(key) {
      try {
        return await readFile(join(root, checkKey(key)), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async getStream(key) {
      const path = join(root, checkKey(key));
      // Opened first, so a missing file is `undefined` rather than a failing stream.
      const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return handle?.createReadStream({ encoding: 'utf8' });
    },
    async getVersioned(key) {
      const body = await readOrUndefined(join(root, checkKey(key)));
      return body === undefined ? undefined : { body, version: versionOf(body) };
    },
    // Compare-and-swap under an exclusive lock file; the version is the content's SHA-256.
    async putIfVersion(key, body, _contentType, expected) {
      const path = join(root, checkKey(key));
      const unlock = await lock(path, key, expected);
      try {
        const current = await readOrUndefined(path);
        const version = current === undefined ? null : versionOf(current);
        if (version !== expected) {
          throw new WriteConflictError(
            key,
            expected,
            current === undefined ? 'it no longer exists' : `it is now at version ${version}`,
          );
        }
        const tmp = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(tmp, body, 'utf8');
        await rename(tmp, path);
      } finally {
        await unlock();
      }
    },
    async list(prefix) {
      try {
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        return entries
          .filter((e) => e.isFile() && !e.name.endsWith('.tmp') && !e.name.endsWith('.lock'))
          .map((e) => relative(root, join(e.parentPath, e.name)).split(sep).join('/'))
          .filter((key) => key.startsWith(prefix))
          .sort();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    },
  };
}
