import type { Finding } from '../core/finding';
import type { ObjectStore, ObjectWriter } from '../pipeline/types';
import { type AsffContext, toAsff } from './asff';
import type { ComplianceReport } from './compliance/types';
import { csvEncoder } from './csv';
import { encodeAll, type FindingsEncoder, jsonArrayEncoder } from './findings-encoder';
import { findingsJsonEncoder } from './findings-json';
import { openObjectWriter } from './object-writer';
import { ocsfEncoder } from './ocsf';
import { type HistoryRead, readHistory, withEntry, writeHistory } from './report/history';
import { historyEntryOf, zeroCounts } from './report/model';
import { ReportBuilder, type ReportOptions } from './report/render';
import type { TextSpool } from './report/spool';
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
}

/** The formats written a finding at a time; the HTML report has its own builder. */
type EncodedFormat = Exclude<keyof typeof FORMATS, 'html'>;

export const FORMATS = {
  json: { file: 'findings.json', contentType: 'application/json' },
  ocsf: { file: 'findings.ocsf.json', contentType: 'application/json' },
  asff: { file: 'findings.asff.json', contentType: 'application/json' },
  csv: { file: 'findings.csv', contentType: 'text/csv; charset=utf-8; header=present' },
  html: { file: 'report.html', contentType: 'text/html; charset=utf-8' },
} satisfies Record<string, FormatSpec>;

/** The encoder of a format; throws when the options lack what it needs. */
function encoderOf(format: EncodedFormat, o: FormatOptions): FindingsEncoder {
  switch (format) {
    case 'json':
      return findingsJsonEncoder();
    case 'ocsf':
      return ocsfEncoder({ time: o.time, productVersion: o.productVersion });
    case 'csv':
      return csvEncoder();
    case 'asff': {
      const ctx = o.asff;
      if (!ctx) {
        throw new Error(
          'asff: findings.asff.json needs the AWS account, Region and partition that import the findings into Security Hub',
        );
      }
      // The BatchImportFindings `Findings` list, as `aws securityhub batch-import-findings` reads it.
      return jsonArrayEncoder((f) => toAsff(f, ctx));
    }
  }
}

function reportOptions(o: FormatOptions): ReportOptions {
  return {
    generatedAt: o.time,
    frameworks: o.frameworks,
    ...(o.run ? { run: o.run } : {}),
    ...(o.history ? { history: o.history } : {}),
    ...(o.historyLimit !== undefined ? { historyLimit: o.historyLimit } : {}),
    ...(o.exceptions ? { exceptions: o.exceptions } : {}),
    ...(o.responsibility ? { responsibility: o.responsibility } : {}),
    ...(o.compliance ? { compliance: o.compliance } : {}),
  };
}

/** One format rendered whole (the CLI's stdout, tests). */
export function renderFormat(
  format: FormatName,
  findings: readonly Finding[],
  opts: FormatOptions,
): string {
  if (format !== 'html') return encodeAll(encoderOf(format, opts), findings);
  const builder = new ReportBuilder();
  for (const f of findings) builder.add(f);
  const page = [...builder.chunks(reportOptions(opts))].join('');
  builder.dispose();
  return page;
}

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
  const writer = await openFormats(formats, store, opts);
  await writer.add(findings);
  return writer.finish();
}

/** One output of a format: its writer, or why it failed. */
interface Output {
  key: string;
  writer?: ObjectWriter;
  error?: string;
}

/**
 * The formats written as findings come (`add`, any number of times), each to its key(s) as the
 * store allows (a file, an S3 multipart upload): only the HTML report's counts and spool grow.
 * `finish` closes every file, appends the run to the history and says what was written. A format
 * that fails to render or store is recorded and the others go on.
 */
export async function openFormats(
  formats: readonly FormatName[],
  store: ObjectStore,
  opts: FormatOptions & {
    /** Where the report keeps its rendered results until the end (default: memory). */
    spool?: () => TextSpool;
  },
): Promise<{
  add(findings: readonly Finding[]): Promise<void>;
  /** What is given here replaces the options' (it may need every finding first). */
  finish(late?: {
    compliance?: readonly ComplianceReport[];
    exceptions?: ReportExceptions;
  }): Promise<WriteResult>;
  /** Drops every file unwritten (the run failed before its end). */
  abort(): Promise<void>;
}> {
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
  const open = (format: FormatName, key: string): Output => {
    try {
      return { key, writer: openObjectWriter(store, key, FORMATS[format].contentType) };
    } catch (error) {
      return { key, error: message(error) };
    }
  };
  const encoded: { format: FormatName; encoder: FindingsEncoder; outputs: Output[] }[] = [];
  let report: { builder: ReportBuilder; outputs: Output[] } | undefined;
  const order: { format: FormatName; outputs: Output[] }[] = [];
  const counts = zeroCounts();
  for (const format of new Set(formats)) {
    const keys = [
      `${prefix}${FORMATS[format].file}`,
      ...(format === 'html' ? (opts.reportCopies ?? []) : []),
    ];
    if (format === 'html') {
      if (report) continue;
      const outputs = keys.map((k) => open(format, k));
      report = { builder: new ReportBuilder(opts.spool ? opts.spool() : undefined), outputs };
      order.push({ format, outputs });
      continue;
    }
    let encoder: FindingsEncoder;
    try {
      encoder = encoderOf(format, withHistory);
    } catch (error) {
      result.failed.push({ format, key: keys[0] ?? FORMATS[format].file, error: message(error) });
      continue;
    }
    const outputs = keys.map((k) => open(format, k));
    encoded.push({ format, encoder, outputs });
    order.push({ format, outputs });
  }

  const send = async (outputs: Output[], chunk: string) => {
    if (chunk.length === 0) return;
    for (const o of outputs) {
      if (!o.writer || o.error) continue;
      try {
        await o.writer.write(chunk);
      } catch (error) {
        o.error = message(error);
        await o.writer.abort().catch(() => {});
      }
    }
  };
  const fail = async (outputs: Output[], error: unknown) => {
    for (const o of outputs) {
      if (o.error) continue;
      o.error = message(error);
      await o.writer?.abort().catch(() => {});
    }
  };
  for (const e of encoded) await send(e.outputs, e.encoder.start());

  return {
    async add(findings) {
      for (const f of findings) counts[f.status] += 1;
      for (const e of encoded) {
        if (e.outputs.every((o) => o.error)) continue;
        // A finding at a time: no string of a whole batch is built.
        try {
          for (const f of findings) {
            if (e.outputs.every((o) => o.error)) break;
            await send(e.outputs, e.encoder.item(f));
          }
        } catch (error) {
          await fail(e.outputs, error);
        }
      }
      if (report && !report.outputs.every((o) => o.error)) {
        try {
          for (const f of findings) report.builder.add(f);
        } catch (error) {
          await fail(report.outputs, error);
        }
      }
    },
    async abort() {
      for (const { outputs } of order) await fail(outputs, new Error('abandoned'));
      report?.builder.dispose();
    },
    async finish(late = {}) {
      for (const e of encoded) {
        try {
          await send(e.outputs, e.encoder.end());
        } catch (error) {
          await fail(e.outputs, error);
        }
      }
      if (report) {
        const options = reportOptions({
          ...withHistory,
          ...(late.compliance ? { compliance: late.compliance } : {}),
          ...(late.exceptions ? { exceptions: late.exceptions } : {}),
        });
        try {
          for (const chunk of report.builder.chunks(options)) await send(report.outputs, chunk);
        } catch (error) {
          await fail(report.outputs, error);
        } finally {
          report.builder.dispose();
        }
      }
      for (const { format, outputs } of order) {
        for (const o of outputs) {
          if (!o.error && o.writer) {
            try {
              await o.writer.end();
              result.written.push(o.key);
              continue;
            } catch (error) {
              o.error = message(error);
              await o.writer.abort().catch(() => {});
            }
          }
          result.failed.push({ format, key: o.key, error: o.error ?? 'not written' });
        }
      }
      if (opts.historyKey) {
        try {
          await writeHistory(
            store,
            opts.historyKey,
            withEntry(stored.entries, historyEntryOf(run.date, counts, run.runId)),
          );
          result.written.push(opts.historyKey);
        } catch (error) {
          result.historyProblems.push(`${opts.historyKey} not stored: ${message(error)}`);
        }
      }
      return result;
    },
  };
}
