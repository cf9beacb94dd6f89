import type { Evidence } from '../core/check';
import type { Finding } from '../core/finding';
import { FINDING_KEY_COLUMNS, findingKey, requirementIds } from './finding-columns';
import { encodeAll, type FindingsEncoder } from './findings-encoder';

/**
 * `findings.csv`: one row per result, RFC 4180 (CRLF record ends, every field with a quote,
 * comma, CR or LF quoted, quotes doubled), with a header row. The columns and their order are a
 * contract for spreadsheets and SIEM imports: add new columns at the end, never reorder.
 *
 *  1 id               deterministic finding id
 *  2 check_id         check id (file name), e.g. eks-endpoint-public-access
 *  3 provider         eks | gke | aks
 *  4 cloud            aws | gcp | azure
 *  5 account          AWS account id, GCP project id or Azure subscription id
 *  6 region           AWS region, GKE location or Azure location
 *  7 resource_id      cluster ARN, GKE resource name or ARM id
 *  8 resource_name    cluster name
 *  9 subject_type     sub-resource type (node group, IAM role...), empty for the cluster
 * 10 subject_id       sub-resource id
 * 11 subject_name     sub-resource name
 * 12 status           pass | fail | unknown | not_applicable
 * 13 severity         critical | high | medium | low | informational
 * 14 family           control family shared by the three clouds
 * 15 title            the compliant state
 * 16 message          the sentence that names the resource and the deciding value
 * 17 evidence         one `path = value` line per field (JSON values; `(absent)` when missing)
 * 18 frameworks       `framework:requirement` pairs separated by `; `
 * 19 remediation      what to change
 * 20 remediation_cli  the command that fixes it
 * 21 remediation_url  vendor documentation
 * 22 source           `api <collectedAt>` or `export <format> <file>`
 * 23 muted            `true` when an active mutelist entry covers the result, else empty
 * 24 exception_state  `active` or `expired` when a mutelist entry matches, else empty
 * 25 exception_reason why the risk was accepted
 * 26 exception_owner  who accepted it
 * 27 exception_expires the entry's last day (YYYY-MM-DD, UTC)
 */
export const CSV_COLUMNS = [
  ...FINDING_KEY_COLUMNS,
  'family',
  'title',
  'message',
  'evidence',
  'frameworks',
  'remediation',
  'remediation_cli',
  'remediation_url',
  'source',
  'muted',
  'exception_state',
  'exception_reason',
  'exception_owner',
  'exception_expires',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/**
 * One field, quoted when RFC 4180 needs it. A field that a spreadsheet would run as a formula
 * (leading `=`, `+`, `-`, `@`, tab or CR) gets a leading apostrophe, since evidence values come
 * from the audited accounts.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function evidenceText(evidence: readonly Evidence[]): string {
  return evidence
    .map((e) => `${e.path} = ${e.absent ? '(absent)' : (JSON.stringify(e.value) ?? 'undefined')}`)
    .join('\n');
}

function row(f: Finding): Record<Column, string> {
  const key = findingKey(f);
  return {
    ...key,
    subject_type: key.subject_type ?? '',
    subject_id: key.subject_id ?? '',
    subject_name: key.subject_name ?? '',
    family: f.family,
    title: f.title,
    message: f.message,
    evidence: evidenceText(f.evidence),
    frameworks: requirementIds(f).join('; '),
    remediation: f.remediation.summary,
    remediation_cli: f.remediation.cli ?? '',
    remediation_url: f.remediation.url ?? '',
    source:
      f.source.kind === 'api'
        ? `api ${f.source.collectedAt}`
        : `export ${f.source.format} ${f.source.file}`,
    muted: f.muted ? 'true' : '',
    exception_state: f.exception?.state ?? '',
    exception_reason: f.exception?.reason ?? '',
    exception_owner: f.exception?.owner ?? '',
    exception_expires: f.exception?.expires ?? '',
  };
}

/** The whole file: header and one record per finding, in the order given. */
export function renderCsv(findings: readonly Finding[]): string {
  return encodeAll(csvEncoder(), findings);
}

/** `findings.csv` one record at a time: the header, then a CRLF-ended record per finding. */
export function csvEncoder(): FindingsEncoder {
  return {
    start: () => `${CSV_COLUMNS.join(',')}\r\n`,
    item(f) {
      const r = row(f);
      return `${CSV_COLUMNS.map((c) => csvField(r[c])).join(',')}\r\n`;
    },
    end: () => '',
  };
}
