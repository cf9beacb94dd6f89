import type { Finding } from '../core/finding';

/**
 * The columns that name a result and its verdict, in this order, in both flat exports:
 * `findings.csv` starts with them and `findings.jsonl` has them after its run columns. Both
 * orders are contracts (spreadsheets, the Glue table): never reorder.
 */
export const FINDING_KEY_COLUMNS = [
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
] as const;

/** Those columns' values; a result about the cluster itself has no subject (`null`). */
export interface FindingKey {
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
}

export function findingKey(f: Finding): FindingKey {
  return {
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
  };
}

/** The result's framework requirements as `framework:requirement` strings. */
export function requirementIds(f: Finding): string[] {
  return Object.entries(f.frameworks).flatMap(([fw, ids]) => ids.map((id) => `${fw}:${id}`));
}
