import { link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { daysBefore } from '../pipeline/compliance/days';
import { keys } from '../pipeline/keys';
import type { RunRef } from '../pipeline/types';

/**
 * A full window of compliance history for the next publish, as a deployment has from its 30th
 * day: the published `run`'s `findings.json` and `run-summary.json` hard-linked (no copy on disk)
 * as one run on each of the days from 2 to `days - 1` days before `day`. With `run` itself on the
 * day before, the publish on `day` reads `days - 1` earlier runs.
 */
export async function linkHistory(
  storeDir: string,
  run: RunRef,
  day: string,
  days: number,
): Promise<number> {
  let linked = 0;
  for (let back = 2; back < days; back++) {
    const date = daysBefore(day, back);
    const copy: RunRef = { date, runId: `history-${date}` };
    for (const key of [keys.findings, keys.summary]) {
      const to = join(storeDir, key(copy));
      await mkdir(dirname(to), { recursive: true });
      await link(join(storeDir, key(run)), to);
    }
    linked += 1;
  }
  return linked;
}
