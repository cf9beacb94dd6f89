import { summarize } from '../../core/summary';
import { html } from './escape';
import { page } from './layout';
import { historyEntry, trendPoints } from './model';
import { clustersSection } from './sections-clusters';
import { complianceSection } from './sections-compliance';
import { matrixSection, requirementsSection } from './sections-controls';
import { exceptionsSection } from './sections-exceptions';
import { responsibilitySection } from './sections-responsibility';
import { postureSection, summaryCards, topFailingSection, trendSection } from './sections-summary';
import type { ReportInput } from './types';

const DEFAULT_HISTORY = 30;

/** `report.html`: one self-contained page (inline styles and SVG, no scripts or fetches). */
export function renderReport(input: ReportInput): string {
  const { findings, run } = input;
  const summary = summarize(findings);
  const current = run ? historyEntry(run.date, findings, run.runId) : undefined;
  const points = trendPoints(input.history ?? [], current, input.historyLimit ?? DEFAULT_HISTORY);
  const meta = html`${run ? html`Run <code>${run.runId}</code> of ${run.date} · ` : ''}generated ${input.generatedAt.toISOString()} · ${summary.clusters} clusters, ${summary.total} results`;
  const nav = [
    { id: 'posture', label: 'Posture' },
    { id: 'trend', label: 'Trend' },
    { id: 'matrix', label: 'Families × clouds' },
    { id: 'requirements', label: 'Benchmarks' },
    ...(input.responsibility ? [{ id: 'responsibility', label: 'Shared responsibility' }] : []),
    ...(input.compliance?.some((c) => c.daysWithRuns.length > 0)
      ? [{ id: 'compliance', label: 'Continuous compliance' }]
      : []),
    { id: 'top-failing', label: 'Top failing' },
    { id: 'clusters', label: 'Clusters' },
    ...(input.exceptions ? [{ id: 'exceptions', label: 'Exceptions' }] : []),
  ];
  const body = html`<section id="overview">${summaryCards(findings, summary)}</section>
${postureSection(summary)}
${trendSection(points)}
${matrixSection(findings)}
${requirementsSection(input.frameworks, findings)}
${responsibilitySection(input.responsibility, findings)}
${complianceSection(input.compliance)}
${topFailingSection(summary, findings)}
${clustersSection(findings)}
${exceptionsSection(input.exceptions, findings)}`;
  return page('mk8s-audit posture report', meta, nav, body);
}
