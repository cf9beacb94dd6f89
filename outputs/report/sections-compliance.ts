import type { ComplianceReport, RequirementCompliance } from '../compliance/types';
import { anchorId, html, type SafeHtml } from './escape';

const STATUS_CLASS: Readonly<Record<string, string>> = {
  compliant: 'cell-pass',
  broken: 'cell-fail',
  not_evidenced: 'cell-unknown',
  no_scope: 'cell-not_applicable',
};

const share = (r: RequirementCompliance) =>
  r.share === undefined ? 'n/a' : `${(r.share * 100).toFixed(1)}%`;

function frameworkBlock(c: ComplianceReport): SafeHtml {
  const met = c.requirements.filter((r) => r.brokenDays === 0 && r.notEvidencedDays === 0).length;
  const rows = c.requirements.map(
    (r) =>
      html`<tr><td><strong>${r.id}</strong></td><td>${r.title}</td><td>${r.compliantDays}/${r.auditedDays} (${share(r)})</td><td><table><tr>${r.days.map((d) => html`<td class="${STATUS_CLASS[d.status] ?? ''}" title="${d.date}: ${d.status}">${d.date.slice(8)}</td>`)}</tr></table></td><td>${r.brokenClusters.join(', ') || '–'}</td></tr>`,
  );
  return html`<details class="framework" id="${anchorId('cc', c.framework.id)}"><summary>${c.framework.title} ${c.framework.version} <span class="muted">(${met} of ${c.requirements.length} requirements met on every audited day)</span></summary><div class="body">
<table><thead><tr><th>Req.</th><th>Title</th><th>Days met</th><th>Days (green met, red broken, amber not evidenced, grey no cluster in scope)</th><th>Clusters that broke it</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

/**
 * Continuous compliance over the recent run history: per framework and requirement, the days on
 * which every mapped check passed on every in-scope cluster. Shown only when there is history.
 */
export function complianceSection(reports: readonly ComplianceReport[] | undefined): SafeHtml {
  const shown = (reports ?? []).filter((r) => r.daysWithRuns.length > 0);
  const first = shown[0];
  if (!first) return html``;
  return html`<section id="compliance"><h2>Continuous compliance, ${first.from} to ${first.to}</h2>
<p class="note">A day is met when every check mapped to the requirement passed on every in-scope cluster in every completed run of that day; a day without a completed run is not evidenced. ${first.daysWithRuns.length} of ${first.days.length} days have a completed run. The evidence folder (<code>mk8s-audit evidence</code>) adds the findings and snapshots with their SHA-256.</p>
${shown.map(frameworkBlock)}</section>`;
}
