import { tmpdir } from 'node:os';
import { CHECK_METAS } from '../checks/check-metas';
import { FRAMEWORKS } from '../checks/frameworks/index';
import { responsibilityForReport } from '../checks/responsibility/index';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import type { Cloud } from '../core/provider';
import type { AsffContext } from '../outputs/asff';
import type { FindingsEncoder } from '../outputs/findings-encoder';
import { findingLinesEncoder } from '../outputs/findings-lines';
import { type FormatName, openFormats, type WriteResult } from '../outputs/formats';
import { openObjectWriter } from '../outputs/object-writer';
import { fileSpool } from '../outputs/report/spool';
import type { ReportExceptions } from '../outputs/report/types';
import pkg from '../package.json' with { type: 'json' };
import { recentCompliance } from './compliance/recent';
import { RunResults } from './compliance/run-results';
import { findingsLinesKey, reportKeys, runPrefix } from './keys';
import type { ObjectStore, ObjectWriter, RunRef } from './types';

/** The formats a run stores beside its `findings.json` (which publish writes itself). */
const RUN_FORMATS: readonly FormatName[] = ['ocsf', 'csv', 'html'];

export interface RunReportsOptions {
  time: Date;
  logger: Logger;
  /** Where Security Hub imports the findings; with it the run also stores `findings.asff.json`. */
  asff?: AsffContext;
  /** The run's mutelist, for the report's exceptions section. */
  exceptions?: ReportExceptions;
  /** Where the report keeps its rendered results until the end (default: a temporary file). */
  spoolDir?: string;
}

export interface RunReportsEnd {
  /**
   * Targets of this run that could not be audited: the report's continuous-compliance view
   * counts the day as not evidenced for their cloud.
   */
  failedTargets?: readonly { cloud: Cloud; label: string }[];
  /** The mutelist as applied to every finding (known only once all are written). */
  exceptions?: ReportExceptions;
}

export interface RunReports {
  add(findings: readonly Finding[]): Promise<void>;
  /** Closes every file; undefined when the files could not be written at all (logged). */
  finish(end?: RunReportsEnd): Promise<WriteResult | undefined>;
  /** Drops every file unwritten (publish failed before its end). */
  abort(): Promise<void>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A run's OCSF, CSV, HTML report (and ASFF) files, the copy of the report at
 * `reports/latest.html`, the run appended to `reports/history.json`, and the JSON Lines copy
 * that Athena queries, written as the findings come (`add`), so publish holds no whole list.
 * A file that fails is logged and the others are still written; nothing here fails the run.
 */
export async function openRunReports(
  run: RunRef,
  store: ObjectStore,
  opts: RunReportsOptions,
): Promise<RunReports> {
  const formats: FormatName[] = opts.asff ? [...RUN_FORMATS, 'asff'] : [...RUN_FORMATS];
  const results = new RunResults();
  let broken: string | undefined;
  const fail = (error: unknown) => {
    broken ??= message(error);
  };
  const outputs = await openFormats(formats, store, {
    prefix: runPrefix(run),
    time: opts.time,
    productVersion: pkg.version,
    run,
    frameworks: FRAMEWORKS,
    responsibility: responsibilityForReport(CHECK_METAS),
    historyKey: reportKeys.history,
    reportCopies: [reportKeys.latest],
    spool: () => fileSpool(opts.spoolDir ?? tmpdir()),
    ...(opts.asff ? { asff: opts.asff } : {}),
    ...(opts.exceptions ? { exceptions: opts.exceptions } : {}),
  }).catch((error: unknown) => {
    fail(error);
    return undefined;
  });
  const linesKey = findingsLinesKey(run);
  const lines: FindingsEncoder = findingLinesEncoder(run, opts.time);
  let linesOut: ObjectWriter | undefined;
  let linesError: string | undefined;
  try {
    linesOut = openObjectWriter(store, linesKey, 'application/x-ndjson');
  } catch (error) {
    linesError = message(error);
  }
  return {
    async add(findings) {
      for (const f of findings) results.add(f);
      if (outputs && !broken) await outputs.add(findings).catch(fail);
      if (linesOut && !linesError) {
        try {
          for (const f of findings) await linesOut.write(lines.item(f));
        } catch (error) {
          linesError = message(error);
          await linesOut.abort().catch(() => {});
        }
      }
    },
    async abort() {
      await outputs?.abort();
      await linesOut?.abort().catch(() => {});
    },
    async finish(end = {}) {
      if (!outputs || broken) {
        await linesOut?.abort().catch(() => {});
        opts.logger.error('Run outputs not written', { runId: run.runId, error: broken });
        return undefined;
      }
      // The continuous-compliance view reads earlier runs; a problem there only drops the view.
      const compliance = await recentCompliance({
        store,
        run,
        findings: results,
        failedTargets: end.failedTargets ?? [],
      }).catch((error: unknown) => {
        opts.logger.warn('Continuous-compliance view not computed', {
          runId: run.runId,
          error: message(error),
        });
        return undefined;
      });
      let result: WriteResult;
      try {
        result = await outputs.finish({
          ...(compliance ? { compliance } : {}),
          ...(end.exceptions ? { exceptions: end.exceptions } : {}),
        });
      } catch (error) {
        opts.logger.error('Run outputs not written', { runId: run.runId, error: message(error) });
        await linesOut?.abort().catch(() => {});
        return undefined;
      }
      for (const f of result.failed) {
        opts.logger.warn('Run output not written', { runId: run.runId, ...f });
      }
      for (const problem of result.historyProblems) {
        opts.logger.warn('Run history problem', { runId: run.runId, problem });
      }
      if (linesOut && !linesError) {
        try {
          await linesOut.end();
          result.written.push(linesKey);
        } catch (error) {
          linesError = message(error);
          await linesOut.abort().catch(() => {});
        }
      }
      if (linesError !== undefined) {
        const failure = { format: 'jsonl', key: linesKey, error: linesError };
        opts.logger.warn('Run output not written', { runId: run.runId, ...failure });
      }
      return result;
    },
  };
}

/** `openRunReports` for a list of findings at hand. */
export async function writeRunReports(
  findings: readonly Finding[],
  run: RunRef,
  store: ObjectStore,
  opts: RunReportsOptions & RunReportsEnd,
): Promise<WriteResult | undefined> {
  const reports = await openRunReports(run, store, opts);
  await reports.add(findings);
  return reports.finish({
    ...(opts.failedTargets ? { failedTargets: opts.failedTargets } : {}),
    ...(opts.exceptions ? { exceptions: opts.exceptions } : {}),
  });
}
