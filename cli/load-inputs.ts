import { readFile } from 'node:fs/promises';
import type { ClusterSnapshot } from '../core/snapshot';
import { readExport } from '../providers/exports';
import { errorReason, expandInputs, type InputProblem } from './input-files';

export interface LoadedInputs {
  snapshots: ClusterSnapshot[];
  /** Files read successfully. */
  files: string[];
  problems: InputProblem[];
}

/** Reads one file: unreadable, invalid JSON and unknown shapes are problems naming the file. */
async function loadFile(
  file: string,
): Promise<{ snapshots: ClusterSnapshot[] } | { problem: InputProblem }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return { problem: { source: file, reason: errorReason(error) } };
  }
  let json: unknown;
  try {
    // Exports saved by Windows PowerShell (`az aks show > file`) start with a byte-order mark.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: { source: file, reason: `invalid JSON: ${errorReason(error)}` } };
  }
  try {
    return { snapshots: readExport(json, file) };
  } catch (error) {
    // readExport's messages start with the file name; the problem names it already.
    const message = errorReason(error);
    const reason = message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message;
    return { problem: { source: file, reason } };
  }
}

/**
 * Every cluster snapshot in the given files and directories. A bad file is reported and the
 * others are still read.
 */
export async function loadInputs(
  paths: readonly string[],
  skipDirs: readonly string[] = [],
): Promise<LoadedInputs> {
  const { files, problems } = await expandInputs(paths, skipDirs);
  const snapshots: ClusterSnapshot[] = [];
  const read: string[] = [];
  for (const file of files) {
    const result = await loadFile(file);
    if ('problem' in result) {
      problems.push(result.problem);
      continue;
    }
    read.push(file);
    snapshots.push(...result.snapshots);
  }
  return { snapshots, files: read, problems };
}
