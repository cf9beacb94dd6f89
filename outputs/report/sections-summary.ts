import type { FindingSummary } from '../../core/summary';
import {
  SEVERITIES,
  SEVERITY_COLOR,
  STATUS_COLOR,
  STATUS_LABEL,
  STATUSES,
  severityBadge,
} from './badges';
import { anchorId, html, type SafeHtml } from './escape';
import { PROVIDER_LABEL, PROVIDERS } from './model';
import { barRows, lineChart, stackedBar } from './svg';
import type { ReportTally } from './tally';
import type { RunHistoryEntry } from './types';

/** Posture summary, trend and top failing checks. */

export function summaryCards(tally: ReportTally, summary: FindingSummary): SafeHtml {
  const c = tally.counts;
  const decided = c.pass + c.fail;
  const rate = decided === 0 ? '–' : `${Math.round((c.pass / decided) * 100)}%`;
  const { mutedFailing } = tally;
  const card = (big: string | number, small: string, cls = '') =>
    html`<div class="card"><div class="big ${cls}">${big}</div><div class="small">${small}</div></div>`;
  return html`<div class="cards">
${card(summary.clusters, 'clusters audited')}
${card(summary.total, 'results')}
${card(c.fail, 'failed', 'n-fail')}
${card(c.unknown, 'unknown (could not be read)', 'n-unknown')}
${card(c.pass, 'passed', 'n-pass')}
${card(rate, 'pass rate of decided results')}
${mutedFailing > 0 ? card(mutedFailing, 'failed but muted (accepted risks, counted in failed)') : ''}
</div>`;
}

export function postureSection(summary: FindingSummary): SafeHtml {
  const rows = PROVIDERS.map((p) => {
    const c = summary.byProvider[p];
    const total = STATUSES.reduce((s, st) => s + c[st], 0);
    const bar = stackedBar(
      STATUSES.map((st) => ({ label: STATUS_LABEL[st], value: c[st], color: STATUS_COLOR[st] })),
      240,
    );
    return html`<tr><td class="nowrap">${PROVIDER_LABEL[p]}</td>${STATUSES.map((st) => html`<td class="num n-${st}">${c[st]}</td>`)}<td class="num">${total}</td><td>${total > 0 ? bar : html`<span class="muted">no clusters</span>`}</td></tr>`;
  });
  const severityBars = barRows(
    SEVERITIES.map((s) => ({
      label: s,
      value: summary.failedBySeverity[s],
      color: SEVERITY_COLOR[s],
    })),
  );
  return html`<section id="posture"><h2>Posture by cloud and severity</h2>
<div class="grid2">
<div><h3>Results by cloud</h3><table><thead><tr><th>Cloud</th>${STATUSES.map((s) => html`<th class="num">${STATUS_LABEL[s]}</th>`)}<th class="num">Total</th><th>Share</th></tr></thead><tbody>${rows}</tbody></table></div>
<div><h3>Failed results by severity</h3>${severityBars}</div>
</div></section>`;
}

export function trendSection(points: readonly RunHistoryEntry[]): SafeHtml {
  if (points.length < 2) {
    return html`<section id="trend"><h2>Trend</h2><p class="muted">No earlier runs were given, so there is no trend yet.</p></section>`;
  }
  const labels = points.map((p) => p.date.slice(0, 10));
  const chart = lineChart(labels, [
    { label: 'Fail', color: STATUS_COLOR.fail, values: points.map((p) => p.counts.fail) },
    { label: 'Unknown', color: STATUS_COLOR.unknown, values: points.map((p) => p.counts.unknown) },
    { label: 'Pass', color: STATUS_COLOR.pass, values: points.map((p) => p.counts.pass) },
  ]);
  const rows = [...points]
    .reverse()
    .map(
      (p) =>
        html`<tr><td>${p.date}</td><td>${p.runId ?? ''}</td>${STATUSES.map((s) => html`<td class="num n-${s}">${p.counts[s]}</td>`)}</tr>`,
    );
  return html`<section id="trend"><h2>Trend over the last ${points.length} runs</h2>${chart}
<details><summary>Run-by-run numbers</summary><div class="body"><table><thead><tr><th>Date</th><th>Run</th>${STATUSES.map((s) => html`<th class="num">${STATUS_LABEL[s]}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div></details></section>`;
}

export function topFailingSection(
  summary: FindingSummary,
  tally: ReportTally,
  limit = 10,
): SafeHtml {
  const top = summary.failingChecks.slice(0, limit);
  if (top.length === 0) {
    return html`<section id="top-failing"><h2>Top failing checks</h2><p>No check failed.</p></section>`;
  }
  const rows = top.map((c) => {
    const clusters = tally.failedClusters.get(c.checkId) ?? new Set<string>();
    return html`<tr><td>${severityBadge(c.severity)}</td><td><code>${c.checkId}</code></td><td>${c.title}</td><td class="num n-fail">${c.failed}</td><td>${[...clusters].sort().join(', ')}</td></tr>`;
  });
  return html`<section id="top-failing"><h2>Top failing checks</h2><table><thead><tr><th>Severity</th><th>Check</th><th>Title</th><th class="num">Failed</th><th>Clusters</th></tr></thead><tbody>${rows}</tbody></table>
<p class="note">Most severe first, then by number of failed results. Each cluster's section below has the evidence.</p></section>`;
}

export const clusterAnchor = (resourceId: string): string => anchorId('cluster', resourceId);
