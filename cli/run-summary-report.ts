import type { RunSummary } from '../pipeline/run-summary';
import { formatSummary } from './summary-table';
import { renderTable } from './table';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A run's summary for the terminal: every target with its status and (for a partial or failed
 * one) the calls that failed, the findings summary of the scan CLI, and the Security Hub import.
 */
export function formatRunSummary(summary: RunSummary): string {
  const { targets, securityHub } = summary;
  const out: string[] = [];
  out.push(
    `Run ${summary.run.runId}: ${plural(targets.total, 'target')} (${targets.byStatus.ok} ok, ${targets.byStatus.partial} partial, ${targets.byStatus.failed} failed)`,
    '',
    renderTable(
      ['target', 'status', 'clusters', 'results', 'problem'],
      targets.results.map((t) => [
        t.label,
        t.status,
        String(t.clusters),
        String(t.findings),
        t.errors.length === 0
          ? ''
          : `${t.errors[0]?.operation}${t.errors[0]?.resource ? ` (${t.errors[0].resource})` : ''}: ${t.errors[0]?.code}: ${t.errors[0]?.message}${t.errors.length > 1 ? ` (+${t.errors.length - 1} more)` : ''}`,
      ]),
      ['left', 'left', 'right', 'right'],
    ),
  );
  for (const e of targets.discoveryErrors) {
    out.push(
      `Discovery: ${e.operation} (${e.resource ?? '-'}) failed with ${e.code}: ${e.message}`,
    );
  }
  out.push('', formatSummary(summary.findings), '');
  out.push(
    securityHub.enabled
      ? `Security Hub (${securityHub.region}): ${securityHub.imported} of ${securityHub.submitted} findings imported in ${plural(securityHub.calls, 'call')}, ${securityHub.failed} failed${securityHub.failures[0] ? ` (first: ${securityHub.failures[0].code}: ${securityHub.failures[0].message})` : ''}`
      : 'Security Hub: import off',
  );
  return out.join('\n');
}
