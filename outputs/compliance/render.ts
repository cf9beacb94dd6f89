import { csvField } from '../csv';
import { html } from '../report/escape';
import { page } from '../report/layout';
import type { ComplianceReport, RequirementCompliance } from './types';

/** The evidence folder's summaries: CSV (one row per requirement, one per day) and HTML. */

const share = (r: RequirementCompliance) =>
  r.share === undefined ? '' : (Math.round(r.share * 10_000) / 100).toFixed(2);

const datesWith = (r: RequirementCompliance, status: string) =>
  r.days.filter((d) => d.status === status).map((d) => d.date);

const line = (fields: readonly string[]) => fields.map(csvField).join(',');

/** `summary.csv`: per requirement, the day counts, share (percent) and who broke it. */
export function complianceSummaryCsv(report: ComplianceReport): string {
  const header = [
    'framework',
    'requirement',
    'title',
    'days_met',
    'audited_days',
    'share_percent',
    'broken_days',
    'not_evidenced_days',
    'no_scope_days',
    'broken_on',
    'not_evidenced_on',
    'clusters_that_broke_it',
    'checks',
  ];
  const rows = report.requirements.map((r) => [
    report.framework.id,
    r.id,
    r.title,
    String(r.compliantDays),
    String(r.auditedDays),
    share(r),
    String(r.brokenDays),
    String(r.notEvidencedDays),
    String(r.noScopeDays),
    datesWith(r, 'broken').join(' '),
    datesWith(r, 'not_evidenced').join(' '),
    r.brokenClusters.join(' '),
    r.checks.join(' '),
  ]);
  return `${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

/** `days.csv`: per requirement and day, the status, runs, breaches and gaps. */
export function complianceDaysCsv(report: ComplianceReport): string {
  const header = ['requirement', 'date', 'status', 'runs', 'breaches', 'gaps', 'evidence_keys'];
  const rows = report.requirements.flatMap((r) =>
    r.days.map((d) => [
      r.id,
      d.date,
      d.status,
      d.runs.join(' '),
      d.breaches.map((b) => `${b.clusterName}:${b.checkId}${b.muted ? ' (muted)' : ''}`).join('; '),
      d.gaps.join('; '),
      d.evidence.map((e) => e.key).join(' '),
    ]),
  );
  return `${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

const STATUS_CLASS: Readonly<Record<string, string>> = {
  compliant: 'cell-pass',
  broken: 'cell-fail',
  not_evidenced: 'cell-unknown',
  no_scope: 'cell-not_applicable',
};

/** `summary.html`: the per-requirement view with a day strip, self-contained like the report. */
export function complianceHtml(report: ComplianceReport, generatedAt: Date): string {
  const { framework } = report;
  const rows = report.requirements.map(
    (r) =>
      html`<tr><td><strong>${r.id}</strong></td><td>${r.title}</td><td>${r.compliantDays}/${r.auditedDays}${r.share === undefined ? '' : html` (${share(r)}%)`}</td><td>${datesWith(r, 'broken').join(', ') || '–'}</td><td>${r.notEvidencedDays}</td><td>${r.brokenClusters.join(', ') || '–'}</td><td class="note">${r.checks.join(', ')}</td></tr>
<tr><td></td><td colspan="6"><table><tr>${r.days.map((d) => html`<td class="${STATUS_CLASS[d.status] ?? ''}" title="${d.date}: ${d.status}${d.breaches.length ? ` (${d.breaches.map((b) => `${b.clusterName} ${b.checkId}`).join(', ')})` : ''}${d.gaps.length ? ` (${d.gaps.join('; ')})` : ''}">${d.date.slice(8)}</td>`)}</tr></table></td></tr>`,
  );
  const body = html`<section id="summary"><h2>Requirements</h2>
<p class="note">A day is met when every mapped check passed on every in-scope cluster in every completed run of that day. A day without a completed run is not evidenced. Days with no cluster in scope are left out of the share. The findings and snapshots each answer rests on are in <code>objects/</code>; <code>manifest.json</code> and <code>SHA256SUMS</code> list their hashes.</p>
<table><thead><tr><th>Req.</th><th>Title</th><th>Days met</th><th>Broken on</th><th>Not evidenced</th><th>Clusters that broke it</th><th>Checks</th></tr></thead><tbody>${rows}</tbody></table></section>
${report.manual.length > 0 ? html`<section id="manual"><h2>Not scored</h2><table><tbody>${report.manual.map((m) => html`<tr><td><strong>${m.id}</strong></td><td>${m.title}</td><td class="note">${m.note ?? ''}</td></tr>`)}</tbody></table></section>` : ''}
${report.incompleteRuns.length > 0 ? html`<section id="incomplete"><h2>Runs not used</h2><ul>${report.incompleteRuns.map((r) => html`<li><code>${r}</code></li>`)}</ul></section>` : ''}`;
  const meta = html`${framework.title} ${framework.version} · ${report.from} to ${report.to} (${report.days.length} days, ${report.daysWithRuns.length} with a completed run) · generated ${generatedAt.toISOString()}`;
  return page(
    `Compliance evidence: ${framework.id}`,
    meta,
    [
      { id: 'summary', label: 'Requirements' },
      ...(report.manual.length > 0 ? [{ id: 'manual', label: 'Not scored' }] : []),
    ],
    body,
  );
}
