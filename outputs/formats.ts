import type { Finding } from '../core/finding';
import type { ObjectStore } from '../pipeline/types';
import { type AsffContext, toAsff } from './asff';
import type { ComplianceReport } from './compliance/types';
import { renderCsv } from './csv';
import { findingsJson } from './findings-json';
import { renderOcsf } from './ocsf';
import { type HistoryRead, readHistory, withEntry, writeHistory } from './report/history';
import { historyEntry } from './report/model';
import { renderReport } from './report/render';
import type {
  ReportExceptions,
  ReportFramework,
  ReportResponsibilityInput,
  RunHistoryEntry,
} from './report/types';

/**
 * The output formats: name (as given to `--format`) → file name, content type and renderer.
 * The CLI (`--out`, key prefix '') and the pipeline (S3, prefix `runs/date=.../run=.../`) both
 * write through `writeFormats`, so a run's files have the same names everywhere.
 */

export interface FormatOptions {
  /** Prepended to each file name: '' for a local `--out`, the run prefix in S3. */
  prefix?: string;
  /** The run's time (OCSF `time`). */
  time: Date;
  /** This tool's version (OCSF `metadata.product.version`). */
  productVersion: string;
  run?: { runId: string; date: string };
  /** The frameworks for the report's benchmark view. */
  frameworks: readonly ReportFramework[];
  /** Earlier runs for the report's trend. */
  history?: readonly RunHistoryEntry[];
  /**
   * A run history file in the store (`history.json`, `reports/history.json`): its entries join
   * `history`, and this run is appended to it after the formats are written.
   */
  historyKey?: string;
  historyLimit?: number;
  /**
   * The importing account, Region and partition for `findings.asff.json` (its ProductArn and
   * AwsAccountId); the asff format fails without it.
   */
  asff?: AsffContext;
  /** Continuous compliance over recent history for the report's section. */
  compliance?: readonly ComplianceReport[];
  /** The shared-responsibility matrix for the report's section. */
  responsibility?: ReportResponsibilityInput;
  /** More keys that get a copy of `report.html` (e.g. `reports/latest.html`). */
  reportCopies?: readonly string[];
  /** The mutelist applied to the findings, for the report's exceptions section. */
  exceptions?: ReportExceptions;
}

interface FormatSpec {
  file: string;
  contentType: string;
  render(findings: readonly Finding[], opts: FormatOptions): string;
}

export const FORMATS = {
  json: {
    file: 'findings.json',
    contentType: 'application/json',
    render: (findings) => findingsJson(findings),
  },
  ocsf: {
    file: 'findings.ocsf.json',
    contentType: 'application/json',
    render: (findings, o) =>
      renderOcsf(findings, { time: o.time, productVersion: o.productVersion }),
  },
  asff: {
    file: 'findings.asff.json',
    contentType: 'application/json',
    // The BatchImportFindings `Findings` list, as `aws securityhub batch-import-findings` reads it.
    render: (findings, o) => {
      const ctx = o.asff;
      if (!ctx) {
        throw new Error(
          'asff: findings.asff.json needs the AWS account, Region and partition that import the findings into Security Hub',
        );
      }
      return `${JSON.stringify(
        findings.map((f) => toAsff(f, ctx)),
        null,
        2,
      )}\n`;
    },
  },
  csv: {
    file: 'findings.csv',
    contentType: 'text/csv; charset=utf-8; header=present',
    render: (findings) => renderCsv(findings),
  },
  html: {
    file: 'report.html',
    contentType: 'text/html; charset=utf-8',
    render: (findings, o) =>
      renderReport({
        findings,
        generatedAt: o.time,
        frameworks: o.frameworks,
        ...(o.run ? { run: o.run } : {}),
        ...(o.history ? { history: o.history } : {}),
        ...(o.historyLimit !== undefined ? { historyLimit: o.historyLimit } : {}),
        ...(o.exceptions ? { exceptions: o.exceptions } : {}),
        ...(o.responsibility ? { responsibility: o.responsibility } : {}),
        ...(o.compliance ? { compliance: o.compliance } : {}),
      }),
  },
} satisfies Record<string, FormatSpec>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

const isFormat = (name: string): name is FormatName => Object.hasOwn(FORMATS, name);

/** `json,csv,html` → the formats, in order, without repeats; a clear error for a bad name. */
export function parseFormats(value: string, option = '--format'): FormatName[] {
  const names = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
  if (names.length === 0) {
    throw new Error(`${option}: give at least one of ${FORMAT_NAMES.join(', ')}`);
  }
  const bad = names.filter((n) => !isFormat(n));
  if (bad.length > 0) {
    throw new Error(
      `${option}: unknown format ${bad.map((b) => JSON.stringify(b)).join(', ')}; use one or more of ${FORMAT_NAMES.join(', ')}, comma-separated`,
    );
  }
  return [...new Set(names as FormatName[])];
}

export interface WriteResult {
  /** Keys written, in order. */
  written: string[];
  /** Formats that could not be rendered or stored; the others were still written. */
  failed: { format: FormatName; key: string; error: string }[];
  /** Problems with the run history (unreadable, not stored); the formats are written anyway. */
  historyProblems: string[];
}

const message = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** The stored history; a read that fails (a denied GetObject) is a problem, not an abort. */
async function readStoredHistory(
  store: ObjectStore,
  key: string | undefined,
): Promise<HistoryRead> {
  if (!key) return { entries: [] };
  try {
    return await readHistory(store, key);
  } catch (error) {
    return { entries: [], problem: `${key} could not be read: ${message(error)}` };
  }
}

/** Renders and stores each format; one failing format does not stop the others. */
export async function writeFormats(
  findings: readonly Finding[],
  formats: readonly FormatName[],
  store: ObjectStore,
  opts: FormatOptions,
): Promise<WriteResult> {
  const result: WriteResult = { written: [], failed: [], historyProblems: [] };
  const prefix = opts.prefix ?? '';
  const stored = await readStoredHistory(store, opts.historyKey);
  if (stored.problem) result.historyProblems.push(stored.problem);
  // A scan without a run id (the CLI) is identified by its time.
  const run = opts.run ?? {
    runId: opts.time.toISOString(),
    date: opts.time.toISOString().slice(0, 10),
  };
  const withHistory: FormatOptions = {
    ...opts,
    run,
    history: [...(opts.history ?? []), ...stored.entries],
  };
  for (const format of new Set(formats)) {
    const spec: FormatSpec = FORMATS[format];
    const keys = [`${prefix}${spec.file}`, ...(format === 'html' ? (opts.reportCopies ?? []) : [])];
    let body: string;
    try {
      body = spec.render(findings, withHistory);
    } catch (error) {
      result.failed.push({ format, key: keys[0] ?? spec.file, error: message(error) });
      continue;
    }
    for (const key of keys) {
      try {
        await store.put(key, body, spec.contentType);
        result.written.push(key);
      } catch (error) {
        result.failed.push({ format, key, error: message(error) });
      }
    }
  }
  if (opts.historyKey) {
    try {
      await writeHistory(
        store,
        opts.historyKey,
        withEntry(stored.entries, historyEntry(run.date, findings, run.runId)),
      );
      result.written.push(opts.historyKey);
    } catch (error) {
      result.historyProblems.push(`${opts.historyKey} not stored: ${message(error)}`);
    }
  }
  return result;
}
