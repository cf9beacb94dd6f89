import { createHash } from 'node:crypto';
import * as z from 'zod';
import { CLOUD_OF, type Cloud, type Provider } from '../../core/provider';
import { Target } from '../../core/target';
import type { EvidenceObject } from '../../outputs/compliance/types';
import { findingsJsonItems } from '../../outputs/findings-json';
import { keys } from '../keys';
import type { ObjectStore } from '../types';
import { daysBetween } from './days';
import { RunResults } from './run-results';

/** One completed run of the history, with what the compliance view needs. */
export interface HistoryRun {
  date: string;
  runId: string;
  /** Its findings as the view reads them (muted as the run published them). */
  results: RunResults;
  /** Clouds with a target that could not be audited in this run. */
  failedTargets: { cloud: Cloud; label: string }[];
  /** The run's merged findings and summary (every cloud). */
  runObjects: EvidenceObject[];
  /** Snapshots and per-target findings, by the cloud of their target. */
  targetObjects: { cloud: Cloud; objects: EvidenceObject[] }[];
}

export interface HistoryRead {
  runs: HistoryRun[];
  /**
   * `date/runId` of runs not used: without a run summary (still running, or publish failed), or
   * unreadable (the reason follows the id).
   */
  incomplete: string[];
}

const RUN_KEY = /^runs\/date=(\d{4}-\d{2}-\d{2})\/run=([^/]+)\/(.+)$/;

// The parts of run-summary.json this view reads; the rest is free to change.
const Summary = z.object({
  targets: z.object({
    results: z.array(
      z.object({ target: Target, label: z.string(), status: z.string(), resultKey: z.string() }),
    ),
  }),
});

/** The object's text in pieces: streamed where the store can, else got whole. */
async function pieces(store: ObjectStore, key: string): Promise<AsyncIterable<string> | undefined> {
  if (store.getStream) return store.getStream(key);
  const text = await store.get(key);
  return text === undefined
    ? undefined
    : (async function* () {
        yield text;
      })();
}

/**
 * A run's merged findings read one at a time into the results the view needs, hashed as they
 * pass: an earlier run's `findings.json` is never whole in memory.
 */
async function readResults(
  store: ObjectStore,
  key: string,
): Promise<{ results: RunResults; object: EvidenceObject }> {
  const chunks = await pieces(store, key);
  if (chunks === undefined) throw new Error(`${key} is missing although the run completed`);
  const source: AsyncIterable<string> = chunks;
  const hash = createHash('sha256');
  let bytes = 0;
  async function* hashed() {
    for await (const chunk of source) {
      hash.update(chunk, 'utf8');
      bytes += Buffer.byteLength(chunk, 'utf8');
      yield chunk;
    }
  }
  const results = new RunResults();
  for await (const f of findingsJsonItems(hashed(), key)) results.add(f);
  return { results, object: { key, kind: 'findings', sha256: hash.digest('hex'), bytes } };
}

function evidence(key: string, kind: EvidenceObject['kind'], text: string): EvidenceObject {
  const body = Buffer.from(text, 'utf8');
  return { key, kind, sha256: createHash('sha256').update(body).digest('hex'), bytes: body.length };
}

async function readRun(
  store: ObjectStore,
  date: string,
  runId: string,
  runKeys: readonly string[],
): Promise<HistoryRun | undefined> {
  const run = { date, runId };
  const summaryKey = keys.summary(run);
  const summaryText = await store.get(summaryKey);
  if (summaryText === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(summaryText);
  } catch (error) {
    throw new Error(`${summaryKey} is not JSON: ${(error as Error).message}`);
  }
  const summary = Summary.safeParse(json);
  if (!summary.success)
    throw new Error(`${summaryKey} is not a run summary: ${summary.error.issues[0]?.message}`);
  const findings = await readResults(store, keys.findings(run));
  const targetObjects: HistoryRun['targetObjects'] = [];
  for (const t of summary.data.targets.results) {
    const prefix = keys.targetPrefix(run, t.target);
    const objects: EvidenceObject[] = [];
    for (const key of runKeys.filter((k) => k.startsWith(prefix))) {
      const kind = key.endsWith('/snapshot.json')
        ? 'snapshot'
        : key.endsWith('/findings.json')
          ? 'findings'
          : undefined;
      if (!kind) continue;
      const text = await store.get(key);
      if (text !== undefined) objects.push(evidence(key, kind, text));
    }
    targetObjects.push({ cloud: t.target.cloud, objects });
  }
  return {
    date,
    runId,
    results: findings.results,
    failedTargets: summary.data.targets.results
      .filter((t) => t.status === 'failed')
      .map((t) => ({ cloud: t.target.cloud, label: t.label })),
    runObjects: [findings.object, evidence(summaryKey, 'run-summary', summaryText)],
    targetObjects,
  };
}

/**
 * The completed runs of `from`..`to` (UTC days, inclusive) in a findings store (the S3 bucket,
 * or a local copy of it such as `npm start`'s `out/s3/<bucket>`), oldest first. With
 * `targetObjects: false` the snapshots and per-target findings are not read (the report's view,
 * which cites no hashes).
 */
export async function readComplianceHistory(
  store: ObjectStore,
  from: string,
  to: string,
  opts: {
    targetObjects?: boolean;
    /** `date/runId` of a run not to read (the run being published, maybe published before). */
    except?: string;
    /** Each run as it is read, instead of in `runs`: then one run at a time is held. */
    onRun?: (run: HistoryRun) => void;
  } = {},
): Promise<HistoryRead> {
  const byRun = new Map<string, { date: string; runId: string; keys: string[] }>();
  // One listing per day of the period (runs are partitioned by day), not of the whole history.
  for (const day of daysBetween(from, to)) {
    for (const key of await store.list(`runs/date=${day}/`)) {
      const m = RUN_KEY.exec(key);
      const [, date, runId] = m ?? [];
      if (!date || !runId) continue;
      const id = `${date}/${runId}`;
      const entry = byRun.get(id) ?? { date, runId, keys: [] };
      entry.keys.push(key);
      byRun.set(id, entry);
    }
  }
  const runs: HistoryRun[] = [];
  const incomplete: string[] = [];
  for (const [id, r] of [...byRun].sort(([a], [b]) => a.localeCompare(b))) {
    if (id === opts.except) continue;
    try {
      const run = await readRun(store, r.date, r.runId, opts.targetObjects === false ? [] : r.keys);
      if (run && opts.onRun) opts.onRun(run);
      else if (run) runs.push(run);
      else incomplete.push(`${id} (no run summary)`);
    } catch (error) {
      incomplete.push(`${id} (${(error as Error).message})`);
    }
  }
  return { runs, incomplete };
}

/** The cloud a provider's clusters live in. */
export const cloudOf = (p: Provider): Cloud => CLOUD_OF[p];
