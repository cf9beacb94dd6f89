import type { Status } from '../core/check';
import { Provider } from '../core/provider';
import { Severity } from '../core/severity';
import type { FindingSummary } from '../core/summary';
import { renderTable } from './table';

const STATUS_COLUMNS: readonly [Status, string][] = [
  ['pass', 'pass'],
  ['fail', 'fail'],
  ['unknown', 'unknown'],
  ['not_applicable', 'n/a'],
];

/**
 * The summary printed after a scan or run: results by provider and status, failures by
 * severity, and the failing checks, most severe first.
 */
export function formatSummary(summary: FindingSummary): string {
  if (summary.total === 0) return 'No results: no cluster was audited.';
  const out: string[] = [];
  out.push(
    `${summary.clusters} cluster${summary.clusters === 1 ? '' : 's'}, ${summary.total} results`,
    '',
  );

  const providerRows = Provider.options
    .map((p) => [p, summary.byProvider[p]] as const)
    .filter(([, counts]) => Object.values(counts).some((n) => n > 0))
    .map(([p, counts]) => {
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      return [p, ...STATUS_COLUMNS.map(([s]) => String(counts[s])), String(total)];
    });
  out.push(
    renderTable(['provider', ...STATUS_COLUMNS.map(([, label]) => label), 'total'], providerRows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
    ]),
    '',
  );

  out.push(
    `Failures by severity: ${Severity.options
      .map((s) => `${s} ${summary.failedBySeverity[s]}`)
      .join(', ')}`,
  );

  if (summary.failingChecks.length > 0) {
    out.push(
      '',
      'Failing checks',
      renderTable(
        ['severity', 'failed', 'check', 'title'],
        summary.failingChecks.map((c) => [c.severity, String(c.failed), c.checkId, c.title]),
        ['left', 'right'],
      ),
    );
  } else {
    out.push('', 'No check failed.');
  }
  return out.join('\n');
}
