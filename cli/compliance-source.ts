import { stat } from 'node:fs/promises';
import { FRAMEWORKS, findFramework } from '../checks/frameworks/index';
import type { Framework } from '../checks/frameworks/types';
import { ALL_CHECKS } from '../checks/index';
import type { ComplianceReport } from '../outputs/compliance/types';
import { createFsStore } from '../outputs/fs-store';
import { evaluateCompliance } from '../pipeline/compliance/evaluate';
import { readComplianceHistory } from '../pipeline/compliance/history';
import type { ObjectStore } from '../pipeline/types';
import { InputError, UsageError } from './command';

/** The options `compliance` and `evidence` share. */
export const SOURCE_OPTIONS = {
  framework: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  store: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  region: { type: 'string' },
} as const;

export const SOURCE_USAGE = `  --framework <id>    ${FRAMEWORKS.map((f) => f.id).join(', ')}.
  --from <date>       First UTC day of the period (YYYY-MM-DD), inclusive.
  --to <date>         Last UTC day of the period, inclusive (at most 400 days after --from).
  --store <dir>       A local copy of the findings bucket: the folder that holds runs/
                      (npm start writes one to out/s3/mk8s-audit-findings).
  --bucket <name>     The findings bucket in S3 (default AWS credentials; --region, --prefix).`;

const MAX_DAYS = 400;

function day(value: string | undefined, option: string): string {
  if (value === undefined) throw new UsageError(`${option} is required (YYYY-MM-DD)`);
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
  if (!ok || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new UsageError(`${option} ${value}: not a date (YYYY-MM-DD)`);
  }
  return value;
}

export interface SourceValues {
  framework?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  bucket?: string | undefined;
  prefix?: string | undefined;
  region?: string | undefined;
}

export function parseSource(values: SourceValues): {
  framework: Framework;
  from: string;
  to: string;
} {
  if (values.framework === undefined) throw new UsageError('--framework is required');
  const framework = findFramework(values.framework);
  if (!framework) {
    throw new UsageError(
      `--framework ${values.framework}: unknown framework (known: ${FRAMEWORKS.map((f) => f.id).join(', ')})`,
    );
  }
  const from = day(values.from, '--from');
  const to = day(values.to, '--to');
  if (to < from) throw new UsageError(`--to ${to} is before --from ${from}`);
  const span = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
  if (span > MAX_DAYS)
    throw new UsageError(`--from ${from} --to ${to}: ${span} days; at most ${MAX_DAYS}`);
  return { framework, from, to };
}

async function openStore(values: SourceValues): Promise<{ store: ObjectStore; label: string }> {
  if ((values.store === undefined) === (values.bucket === undefined)) {
    throw new UsageError('give one of --store <dir> or --bucket <name>');
  }
  if (values.store !== undefined) {
    const dir = values.store;
    const info = await stat(dir).catch(() => undefined);
    if (!info?.isDirectory()) throw new InputError(`--store ${dir}: not a directory`);
    return { store: createFsStore(dir), label: dir };
  }
  const bucket = values.bucket ?? '';
  const { S3Client } = await import('@aws-sdk/client-s3');
  const { createS3Store } = await import('../outputs/s3-store');
  const client = new S3Client(values.region ? { region: values.region } : {});
  const prefix = values.prefix ?? '';
  return { store: createS3Store({ client, bucket, prefix }), label: `s3://${bucket}/${prefix}` };
}

/** Reads the history of the period and judges every requirement of the framework. */
export async function complianceFromSource(values: SourceValues): Promise<{
  report: ComplianceReport;
  store: ObjectStore;
  label: string;
}> {
  const { framework, from, to } = parseSource(values);
  const { store, label } = await openStore(values);
  const history = await readComplianceHistory(store, from, to);
  const report = evaluateCompliance({
    framework,
    checks: ALL_CHECKS,
    runs: history.runs,
    incompleteRuns: history.incomplete,
    from,
    to,
  });
  return { report, store, label };
}
