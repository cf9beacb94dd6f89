import { readFile } from 'node:fs/promises';
import { type Mutelist, MutelistError, parseMutelist } from '../core/mutelist';
import type { EntryReport } from '../core/mutelist-match';
import { InputError } from './command';

/** A mutelist file read and validated; a bad one is an InputError (exit 2) naming the file. */
export async function readMutelistFile(path: string): Promise<Mutelist> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${path}: no such mutelist file`
        : `${path}: the mutelist file could not be read (${(error as Error).message})`,
    );
  }
  try {
    return parseMutelist(text, path);
  } catch (error) {
    if (error instanceof MutelistError) throw new InputError(error.message);
    throw error;
  }
}

/** `Mutelist m.yaml (judged on 2026-11-28 UTC): 2 active, 1 unused, 1 expired; 3 results muted`. */
export function mutelistLine(
  source: string,
  asOf: string,
  entries: readonly Pick<EntryReport, 'state'>[],
  muted: number,
): string {
  const n = (s: EntryReport['state']) => entries.filter((e) => e.state === s).length;
  return `Mutelist ${source} (judged on ${asOf} UTC): ${n('active')} active, ${n('unused')} unused, ${n('expired')} expired; ${muted} result${muted === 1 ? '' : 's'} muted`;
}
