import { FRAMEWORKS } from '../checks/frameworks/index';
import { ALL_CHECKS } from '../checks/index';
import { responsibilityForReport } from '../checks/responsibility/index';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import type { Cloud } from '../core/provider';
import type { AsffContext } from '../outputs/asff';
import { renderFindingLines } from '../outputs/findings-lines';
import { type FormatName, type WriteResult, writeFormats } from '../outputs/formats';
import type { ReportExceptions } from '../outputs/report/types';
import pkg from '../package.json' with { type: 'json' };
import { recentCompliance } from './compliance/recent';
import { findingsLinesKey, reportKeys, runPrefix } from './keys';
import type { ObjectStore, RunRef } from './types';

/** The formats a run stores beside its `findings.json` (which publish writes itself). */
const RUN_FORMATS: readonly FormatName[] = ['ocsf', 'csv', 'html'];

export interface RunReportsOptions {
  time: Date;
  logger: Logger;
  /** Where Security Hub imports the findings; with it the run also stores `findings.asff.json`. */
  asff?: AsffContext;
  /**
   * Targets of this run that could not be audited: the report's continuous-compliance view
   * counts the day as not evidenced for their cloud.
   */
  failedTargets?: readonly { cloud: Cloud; label: string }[];
  /** The run's mutelist, for the report's exceptions section. */
  exceptions?: ReportExceptions;
}

/**
 * Writes a run's OCSF, CSV, HTML report (and ASFF) files, copies the report to
 * `reports/latest.html`, appends the run to `reports/history.json` and stores the JSON Lines
 * copy that Athena queries. A file that fails is logged and the others are still written;
 * nothing here fails the run.
 */
export async function writeRunReports(
  findings: readonly Finding[],
  run: RunRef,
  store: ObjectStore,
  opts: RunReportsOptions,
): Promise<WriteResult | undefined> {
  const formats: FormatName[] = opts.asff ? [...RUN_FORMATS, 'asff'] : [...RUN_FORMATS];
  try {
    // The continuous-compliance view reads earlier runs; a problem there only drops the view.
    const compliance = await recentCompliance({
      store,
      run,
      findings,
      failedTargets: opts.failedTargets ?? [],
    }).catch((error: unknown) => {
      opts.logger.warn('Continuous-compliance view not computed', {
        runId: run.runId,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    });
    const result = await writeFormats(findings, formats, store, {
      ...(compliance ? { compliance } : {}),
      prefix: runPrefix(run),
      time: opts.time,
      productVersion: pkg.version,
      run,
      frameworks: FRAMEWORKS,
      responsibility: responsibilityForReport(ALL_CHECKS),
      historyKey: reportKeys.history,
      reportCopies: [reportKeys.latest],
      ...(opts.asff ? { asff: opts.asff } : {}),
      ...(opts.exceptions ? { exceptions: opts.exceptions } : {}),
    });
    for (const f of result.failed) {
      opts.logger.warn('Run output not written', { runId: run.runId, ...f });
    }
    for (const problem of result.historyProblems) {
      opts.logger.warn('Run history problem', { runId: run.runId, problem });
    }
    const linesKey = findingsLinesKey(run);
    try {
      await store.put(
        linesKey,
        renderFindingLines(findings, run, opts.time),
        'application/x-ndjson',
      );
      result.written.push(linesKey);
    } catch (error) {
      const failure = { format: 'jsonl', key: linesKey, error: (error as Error).message };
      opts.logger.warn('Run output not written', { runId: run.runId, ...failure });
    }
    return result;
  } catch (error) {
    opts.logger.error('Run outputs not written', {
      runId: run.runId,
      error: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
}
