import * as z from 'zod';
import type { ObjectStore } from '../../pipeline/types';
import type { RunHistoryEntry } from './types';

/**
 * The run history the report's trend reads: one small JSON list per store (`history.json` under a
 * local `--out`, `reports/history.json` in the findings bucket), one entry per run, appended by
 * each run, so a report needs no scan of every earlier run.
 */

const Count = z.number().int().nonnegative();
const Entry = z.object({
  date: z.string().min(1),
  runId: z.string().optional(),
  counts: z.object({ pass: Count, fail: Count, unknown: Count, not_applicable: Count }),
});
const History = z.array(Entry);

/** Entries kept in the file; the report shows fewer. */
export const HISTORY_KEEP = 400;

export interface HistoryRead {
  entries: RunHistoryEntry[];
  /** Why the stored history was unreadable (it is then replaced); absent when fine or missing. */
  problem?: string;
}

function clean(e: z.infer<typeof Entry>): RunHistoryEntry {
  return e.runId === undefined
    ? { date: e.date, counts: e.counts }
    : { date: e.date, runId: e.runId, counts: e.counts };
}

export async function readHistory(store: ObjectStore, key: string): Promise<HistoryRead> {
  const text = await store.get(key);
  if (text === undefined) return { entries: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { entries: [], problem: `${key} is not JSON: ${(error as Error).message}` };
  }
  const parsed = History.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      entries: [],
      problem: `${key} is not a run history list: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`,
    };
  }
  return { entries: parsed.data.map(clean) };
}

/** The history with `entry` added (replacing an entry of the same run id), oldest first. */
export function withEntry(
  entries: readonly RunHistoryEntry[],
  entry: RunHistoryEntry,
  keep = HISTORY_KEEP,
): RunHistoryEntry[] {
  const others = entries.filter((e) => !entry.runId || e.runId !== entry.runId);
  return [...others, entry]
    .sort((a, b) => a.date.localeCompare(b.date) || (a.runId ?? '').localeCompare(b.runId ?? ''))
    .slice(-keep);
}

export async function writeHistory(
  store: ObjectStore,
  key: string,
  entries: readonly RunHistoryEntry[],
): Promise<void> {
  await store.put(key, `${JSON.stringify(entries, null, 2)}\n`, 'application/json');
}
