import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import { type Mutelist, parseMutelist } from '../core/mutelist';
import { type EntryReport, mutelistApplier } from '../core/mutelist-match';
import type { MutelistSummary } from './run-summary';
import type { ObjectStore, RunRef } from './types';

/**
 * Where a run's mutelist comes from: a file the CLI read, the deployed configuration, or an
 * object in the findings bucket. `load` is called once per publish.
 */
export interface MutelistSource {
  /** Names it in errors and in the report (`mutelist.yaml`, `s3://bucket/config/mutelist.yaml`). */
  source: string;
  load(): Promise<Mutelist>;
}

/** An already validated mutelist (the CLI read and checked the file before the run). */
export function givenMutelist(mutelist: Mutelist, source: string): MutelistSource {
  return { source, load: async () => mutelist };
}

/** The mutelist as JSON text (the deployed configuration's `MUTELIST` variable). */
export function mutelistFromJson(text: string, source: string): MutelistSource {
  return { source, load: async () => parseMutelist(text, source, 'json') };
}

/** An object of the findings bucket, JSON or YAML by its key or content; re-read every run. */
export function mutelistFromStore(store: ObjectStore, key: string, label = key): MutelistSource {
  return {
    source: label,
    async load() {
      const text = await store.get(key);
      if (text === undefined) {
        throw new Error(
          `${label}: no such object; upload the mutelist there or remove the setting`,
        );
      }
      return parseMutelist(text, label);
    },
  };
}

/** What the mutelist did in a run: in `run-summary.json` and the report. */
export interface RunMutelist {
  source: string;
  /** The UTC day entries were judged against (the run's date). */
  asOf: string;
  entries: EntryReport[];
  /** Results muted by an entry in force. */
  muted: number;
}

/** A mutelist that could not be read or validated: the run goes on with nothing muted. */
export interface MutelistProblem {
  source: string;
  problem: string;
}

/** A run's mutelist applied batch by batch, and at the end what it did. */
export interface RunMuting {
  mark(findings: readonly Finding[]): Finding[];
  /** What the mutelist did over every batch (logged here), or why it was not applied. */
  finish(): { mutelist?: RunMutelist; problem?: MutelistProblem };
}

/**
 * Loads the run's mutelist for `mark`ing the findings as they are read. A mutelist that cannot
 * be loaded never fails the run and never hides findings: they are published unmuted, and the
 * problem is logged and returned.
 */
export async function openMuting(
  run: RunRef,
  mutelist: MutelistSource | undefined,
  logger: Logger,
): Promise<RunMuting> {
  const unmuted = (problem?: MutelistProblem): RunMuting => ({
    mark: (findings) => [...findings],
    finish: () => (problem ? { problem } : {}),
  });
  if (!mutelist) return unmuted();
  let list: Mutelist;
  try {
    list = await mutelist.load();
  } catch (error) {
    const problem = error instanceof Error ? error.message : String(error);
    logger.error('Mutelist not applied: every finding is published unmuted', {
      source: mutelist.source,
      problem,
    });
    return unmuted({ source: mutelist.source, problem });
  }
  const applier = mutelistApplier(list, run.date);
  let muted = 0;
  return {
    mark(findings) {
      const marked = applier.mark(findings);
      for (const f of marked) if (f.muted) muted += 1;
      return marked;
    },
    finish() {
      const entries = applier.entries();
      const count = (s: EntryReport['state']) => entries.filter((e) => e.state === s).length;
      logger.info('Mutelist applied', {
        source: mutelist.source,
        muted,
        active: count('active'),
        unused: count('unused'),
        expired: count('expired'),
      });
      return { mutelist: { source: mutelist.source, asOf: run.date, entries, muted } };
    },
  };
}

/**
 * Loads and applies the run's mutelist. A mutelist that cannot be loaded never fails the run and
 * never hides findings: they are published unmuted, and the problem is logged and returned.
 */
export async function muteRun(
  findings: Finding[],
  run: RunRef,
  mutelist: MutelistSource | undefined,
  logger: Logger,
): Promise<{ findings: Finding[]; mutelist?: RunMutelist; problem?: MutelistProblem }> {
  const muting = await openMuting(run, mutelist, logger);
  const marked = muting.mark(findings);
  return { findings: marked, ...muting.finish() };
}

/** The run summary's view of the mutelist (undefined when the run had none). */
export function summarizeMutelist(muting: {
  mutelist?: RunMutelist;
  problem?: MutelistProblem;
}): MutelistSummary | undefined {
  if (muting.problem) {
    return {
      source: muting.problem.source,
      muted: 0,
      entries: [],
      problem: muting.problem.problem,
    };
  }
  const m = muting.mutelist;
  if (!m) return undefined;
  return {
    source: m.source,
    asOf: m.asOf,
    muted: m.muted,
    entries: m.entries.map((e) => ({
      index: e.index,
      state: e.state,
      matched: e.findingIds.length,
      owner: e.entry.owner,
      expires: e.entry.expires,
    })),
  };
}
