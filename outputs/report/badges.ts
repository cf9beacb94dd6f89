import type { Status } from '../../core/check';
import type { Severity } from '../../core/severity';
import { html, type SafeHtml } from './escape';
import type { RequirementVerdict } from './model';
import type { StatusCounts } from './types';

/** Colours and small labelled chips shared by the sections and charts. */

export const STATUS_COLOR: Readonly<Record<Status, string>> = {
  fail: '#dc2626',
  unknown: '#d97706',
  pass: '#16a34a',
  not_applicable: '#9ca3af',
};

export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  fail: 'Fail',
  unknown: 'Unknown',
  pass: 'Pass',
  not_applicable: 'N/A',
};

export const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#ea580c',
  low: '#ca8a04',
  informational: '#6b7280',
};

export const SEVERITIES: readonly Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'informational',
];
export const STATUSES: readonly Status[] = ['fail', 'unknown', 'pass', 'not_applicable'];

export function statusBadge(status: RequirementVerdict): SafeHtml {
  const label =
    status === 'manual'
      ? 'Manual'
      : status === 'not_checked'
        ? 'Not checked'
        : STATUS_LABEL[status];
  return html`<span class="badge st-${status}">${label}</span>`;
}

export function severityBadge(severity: Severity): SafeHtml {
  return html`<span class="badge sev-${severity}">${severity}</span>`;
}

/** `3 fail · 1 unknown · 5 pass` with zero counts left out (or `–` when all are zero). */
export function countsText(c: StatusCounts): SafeHtml {
  const parts = STATUSES.filter((s) => c[s] > 0).map(
    (s) => html`<span class="n-${s}">${c[s]} ${STATUS_LABEL[s].toLowerCase()}</span>`,
  );
  if (parts.length === 0) return html`<span class="muted">–</span>`;
  return html`${parts.map((p, i) => (i === 0 ? p : html` · ${p}`))}`;
}
