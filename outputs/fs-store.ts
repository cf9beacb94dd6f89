import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { ObjectStore } from '../pipeline/types';
import { checkKey } from './store-key';

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
    async get(key) {
      try {
        return await readFile(join(root, checkKey(key)), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async list(prefix) {
      try {
        const entries = await readdir(root, { recursive: true, withFileTypes: true });
        return entries
          .filter((e) => e.isFile() && !e.name.endsWith('.tmp'))
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
