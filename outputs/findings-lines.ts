import type { Finding } from '../core/finding';
import {
  FINDING_KEY_COLUMNS,
  type FindingKey,
  findingKey,
  requirementIds,
} from './finding-columns';
import { encodeAll, type FindingsEncoder } from './findings-encoder';

/**
 * `findings.jsonl` for Athena: one JSON object per line (the OpenX JSON SerDe reads one record
 * per line, so the pretty-printed `findings.json` array cannot be queried). Flat snake_case
 * columns; evidence as a JSON string because its values have any JSON type; `requirements` as
 * `framework:id` strings so a query can use `contains(requirements, 'cis-eks-1.8.0:5.4.2')`.
 * The Glue table in `infra/constructs/findings-history.ts` declares exactly these columns.
 */
export interface FindingLine extends FindingKey {
  run_id: string;
  observed_at: string;
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
  ...FINDING_KEY_COLUMNS,
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
    ...findingKey(f),
    title: f.title,
    message: f.message,
    family: f.family,
    categories: f.categories,
    requirements: requirementIds(f),
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
  return encodeAll(findingLinesEncoder(run, observedAt), findings);
}

/** `findings.jsonl` one line at a time. */
export function findingLinesEncoder(run: { runId: string }, observedAt: Date): FindingsEncoder {
  return {
    start: () => '',
    item: (f) => `${JSON.stringify(toFindingLine(f, run, observedAt))}\n`,
    end: () => '',
  };
}
