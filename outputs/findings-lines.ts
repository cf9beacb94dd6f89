import type { Finding } from '../core/finding';

/**
 * `findings.jsonl` for Athena: one JSON object per line (the OpenX JSON SerDe reads one record
 * per line, so the pretty-printed `findings.json` array cannot be queried). Flat snake_case
 * columns; evidence as a JSON string because its values have any JSON type; `requirements` as
 * `framework:id` strings so a query can use `contains(requirements, 'cis-eks-1.8.0:5.4.2')`.
 * The Glue table in `infra/constructs/findings-history.ts` declares exactly these columns.
 */
export interface FindingLine {
  run_id: string;
  observed_at: string;
  id: string;
  check_id: string;
  provider: string;
  cloud: string;
  account: string;
  region: string;
  resource_id: string;
  resource_name: string;
  subject_type: string | null;
  subject_id: string | null;
  subject_name: string | null;
  status: string;
  severity: string;
  title: string;
  message: string;
  family: string;
  categories: string[];
  requirements: string[];
  frameworks: Record<string, string[]>;
  evidence_json: string;
  remediation: string;
  remediation_url: string | null;
}

/** Column names in file order: the Glue table's columns, in the same order. */
export const FINDING_LINE_COLUMNS = [
  'run_id',
  'observed_at',
  'id',
  'check_id',
  'provider',
  'cloud',
  'account',
  'region',
  'resource_id',
  'resource_name',
  'subject_type',
  'subject_id',
  'subject_name',
  'status',
  'severity',
  'title',
  'message',
  'family',
  'categories',
  'requirements',
  'frameworks',
  'evidence_json',
  'remediation',
  'remediation_url',
] as const satisfies readonly (keyof FindingLine)[];

export function toFindingLine(f: Finding, run: { runId: string }, observedAt: Date): FindingLine {
  return {
    run_id: run.runId,
    observed_at: observedAt.toISOString(),
    id: f.id,
    check_id: f.checkId,
    provider: f.provider,
    cloud: f.cloud,
    account: f.account,
    region: f.region,
    resource_id: f.resourceId,
    resource_name: f.resourceName,
    subject_type: f.subject?.type ?? null,
    subject_id: f.subject?.id ?? null,
    subject_name: f.subject?.name ?? null,
    status: f.status,
    severity: f.severity,
    title: f.title,
    message: f.message,
    family: f.family,
    categories: f.categories,
    requirements: Object.entries(f.frameworks).flatMap(([fw, ids]) =>
      ids.map((id) => `${fw}:${id}`),
    ),
    frameworks: f.frameworks,
    evidence_json: JSON.stringify(f.evidence),
    remediation: f.remediation.summary,
    remediation_url: f.remediation.url ?? null,
  };
}

/** The whole file: one line per finding, each ending in `\n` (empty for no findings). */
export function renderFindingLines(
  findings: readonly Finding[],
  run: { runId: string },
  observedAt: Date,
): string {
  return findings.map((f) => `${JSON.stringify(toFindingLine(f, run, observedAt))}\n`).join('');
}
