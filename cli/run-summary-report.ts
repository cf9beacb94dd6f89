import type { RunSummary, TargetOutcome } from '../pipeline/run-summary';
import { formatSummary } from './summary-table';
import { renderTable } from './table';

/** A failed target's first error; a partial target's failed calls (what not to trust). */
function problem(t: TargetOutcome): string {
  const first = t.errors[0];
  if (!first) return '';
  const more = t.errors.length > 1 ? ` (+${t.errors.length - 1} more)` : '';
  if (t.status === 'partial') {
    return `failed calls: ${t.failedCalls.join(', ')} (${plural(t.errors.length, 'error')})`;
  }
  return `${first.operation}${first.resource ? ` (${first.resource})` : ''}: ${first.code}: ${first.message}${more}`;
}

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
        problem(t),
      ]),
      ['left', 'left', 'right', 'right'],
    ),
  );
  if (summary.coverage.length > 0) {
    out.push('', `Not fully audited (${plural(summary.coverage.length, 'coverage finding')}):`);
    for (const c of summary.coverage) out.push(`  ${c.message}`);
  }
  if (targets.emptyScopes.length > 0) {
    out.push('', `Listed with no cluster, nothing to audit: ${targets.emptyScopes.join(', ')}`);
  }
  for (const e of targets.discoveryErrors) {
    out.push(
      `Discovery: ${e.operation} (${e.resource ?? '-'}) failed with ${e.code}: ${e.message}`,
    );
  }
  out.push('', formatSummary(summary.findings), '');
  out.push(securityHubLine(securityHub));
  return out.join('\n');
}

/** One line on what the Security Hub lifecycle sent (or would send, in a dry run). */
export function securityHubLine(hub: RunSummary['securityHub']): string {
  if (!hub.enabled) return 'Security Hub: import off';
  const verb = hub.dryRun ? 'would send' : 'sent';
  const kinds = `${hub.imported} new, ${hub.updated} updated, ${hub.passed} now passing, ${hub.archived} archived, ${hub.refreshed} refreshed; ${hub.unchanged} unchanged`;
  const first = hub.failures[0];
  const failed = hub.dryRun
    ? ''
    : `, ${hub.failed} failed${first ? ` (first: ${first.code}: ${first.message})` : ''}`;
  const counts = hub.dryRun
    ? `${hub.submitted} findings (planned)`
    : `${hub.submitted - hub.failed} of ${hub.submitted} findings in ${plural(hub.calls, 'call')}`;
  const { conflicts, errors } = hub.state;
  const problem = errors[0]
    ? `${errors[0].scope}: ${errors[0].message}`
    : conflicts[0] && `${conflicts[0]}: another run wrote it first`;
  const state = problem
    ? `; the state of ${plural(conflicts.length + errors.length, 'scope')} not kept (first: ${problem})`
    : '';
  return `Security Hub (${hub.mode}, ${hub.region}): ${verb} ${counts}: ${kinds}${failed}${state}`;
}
