import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

/** An input the scan could not use, and why. */
export interface InputProblem {
  /** The file, directory or target the problem is about. */
  source: string;
  reason: string;
}

/** A file-system or parse error as a short reason. */
export function errorReason(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/** True when `file` is `dir` or below it. */
function isUnder(file: string, dir: string): boolean {
  const rel = relative(resolve(dir), resolve(file));
  return rel === '' || (!rel.startsWith('..') && !rel.startsWith('/'));
}

/** Every `*.json` file under `dir`, recursively, sorted, except those under `skip`. */
async function jsonFilesUnder(dir: string, skip: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !skip.some((s) => isUnder(file, s)))
    .sort();
}

/**
 * The files named by `--input` paths: a file as given (whatever its extension), a directory as
 * every `*.json` below it except under `skipDirs` (the scan's own output directory, so that
 * scanning `.` twice does not read the first run's findings). Missing paths and directories
 * without JSON become problems.
 */
export async function expandInputs(
  paths: readonly string[],
  skipDirs: readonly string[] = [],
): Promise<{ files: string[]; problems: InputProblem[] }> {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (!info.isDirectory()) {
        files.push(path);
        continue;
      }
      const found = await jsonFilesUnder(path, skipDirs);
      if (found.length === 0)
        problems.push({ source: path, reason: 'the directory holds no .json file' });
      files.push(...found);
    } catch (error) {
      problems.push({ source: path, reason: errorReason(error) });
    }
  }
  return { files: [...new Set(files)], problems };
}
