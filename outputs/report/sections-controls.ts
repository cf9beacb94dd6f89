import { countsText, statusBadge } from './badges';
import { anchorId, html, type SafeHtml } from './escape';
import {
  familyRows,
  PROVIDER_LABEL,
  PROVIDERS,
  requirementRows,
  undescribedRows,
  worstStatus,
} from './model';
import type { ReportTally } from './tally';
import type { ReportFramework } from './types';

/** The family × cloud matrix and the framework requirement views. */

export function matrixSection(tally: ReportTally): SafeHtml {
  const rows = familyRows(tally).map(
    (row) =>
      html`<tr><td><code>${row.family}</code></td>${PROVIDERS.map((p) => {
        const c = row.cells[p];
        if (!c) return html`<td class="muted">no check</td>`;
        return html`<td class="cell-${worstStatus(c) ?? 'none'}">${countsText(c)}</td>`;
      })}</tr>`,
  );
  return html`<section id="matrix"><h2>Control families across clouds</h2>
<p class="note">The same control on EKS, GKE and AKS: results per cluster (and sub-resource) of each cloud's check.</p>
<table><thead><tr><th>Family</th>${PROVIDERS.map((p) => html`<th>${PROVIDER_LABEL[p]}</th>`)}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function frameworkBlock(fw: ReportFramework, tally: ReportTally): SafeHtml {
  const view = requirementRows(fw, tally);
  const failing = view.filter((r) => r.verdict === 'fail').length;
  const manual = view.filter((r) => r.assessment === 'manual').length;
  const rows = view.map(
    (r) =>
      html`<tr><td><strong>${r.id}</strong></td><td>${r.title}${r.note ? html`<div class="note">${r.note}</div>` : ''}</td><td>${r.assessment}</td><td>${statusBadge(r.verdict)}</td><td>${
        r.checks.length === 0
          ? html`<span class="muted">${r.assessment === 'manual' ? 'assess by hand' : 'no check in this run'}</span>`
          : r.checks.map((c) => html`<div><code>${c.checkId}</code>: ${countsText(c.counts)}</div>`)
      }</td></tr>`,
  );
  return html`<details class="framework" id="${anchorId('fw', fw.id)}" open><summary>${fw.title} v${fw.version} <span class="muted">(${fw.id}: ${view.length} requirements, ${failing} failing, ${manual} manual)</span></summary><div class="body">
<table><thead><tr><th>Req.</th><th>Recommendation</th><th>Assessment</th><th>Result</th><th>Checks and results</th></tr></thead><tbody>${rows}</tbody></table></div></details>`;
}

export function requirementsSection(
  frameworks: readonly ReportFramework[],
  tally: ReportTally,
): SafeHtml {
  const cited = tally.citedFrameworks;
  // Show the benchmarks this run's findings cite; with no findings at all, show every one.
  const shown = frameworks.filter((fw) => cited.size === 0 || cited.has(fw.id));
  const others = undescribedRows(tally, frameworks).map(
    (fw) =>
      html`<details class="framework" id="${anchorId('fw', fw.id)}"><summary>${fw.id} <span class="muted">(requirements cited by checks)</span></summary><div class="body"><table><thead><tr><th>Req.</th><th>Results</th></tr></thead><tbody>${fw.requirements.map(
        (r) => html`<tr><td><strong>${r.id}</strong></td><td>${countsText(r.counts)}</td></tr>`,
      )}</tbody></table></div></details>`,
  );
  return html`<section id="requirements"><h2>Benchmark requirements</h2>
<p class="note">Each requirement → the checks that decide it → their results. Manual requirements need a person or in-cluster access and are listed so the benchmark view is complete.</p>
${shown.map((fw) => frameworkBlock(fw, tally))}${others}</section>`;
}
