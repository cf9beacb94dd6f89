import type { Finding } from '../../core/finding';
import { html } from './escape';
import { pageParts } from './layout';
import { historyEntryOf, trendPoints } from './model';
import { ClusterEntries, clustersSectionChunks } from './sections-clusters';
import { complianceSection } from './sections-compliance';
import { matrixSection, requirementsSection } from './sections-controls';
import { exceptionsSection } from './sections-exceptions';
import { responsibilitySection } from './sections-responsibility';
import { postureSection, summaryCards, topFailingSection, trendSection } from './sections-summary';
import { memorySpool, type TextSpool } from './spool';
import { ReportTally } from './tally';
import type { ReportInput } from './types';

const DEFAULT_HISTORY = 30;

/** Everything of the report but its findings, which are given one at a time. */
export type ReportOptions = Omit<ReportInput, 'findings'>;

/**
 * `report.html` built one finding at a time: the counts are kept, each result entry is rendered
 * at once into `spool` (a file for a run's report), and `chunks` gives the page in order.
 */
export class ReportBuilder {
  private readonly tally = new ReportTally();
  private readonly entries: ClusterEntries;

  constructor(private readonly spool: TextSpool = memorySpool()) {
    this.entries = new ClusterEntries(spool);
  }

  add(f: Finding): void {
    this.tally.add(f);
    this.entries.add(f);
  }

  /** The run's counts as the history and trend keep them. */
  get counts() {
    return { ...this.tally.counts };
  }

  /** The page, piece by piece. */
  *chunks(input: ReportOptions): Generator<string> {
    const { run } = input;
    const { tally } = this;
    const summary = tally.summary.result();
    const current = run ? historyEntryOf(run.date, tally.counts, run.runId) : undefined;
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
    const { before, after } = pageParts('mk8s-audit posture report', meta, nav);
    yield before;
    yield html`<section id="overview">${summaryCards(tally, summary)}</section>
${postureSection(summary)}
${trendSection(points)}
${matrixSection(tally)}
${requirementsSection(input.frameworks, tally)}
${responsibilitySection(input.responsibility, tally)}
${complianceSection(input.compliance)}
${topFailingSection(summary, tally)}
`.value;
    yield* clustersSectionChunks(tally.groups.values(), this.entries);
    yield html`
${exceptionsSection(input.exceptions, tally)}`.value;
    yield after;
  }

  dispose(): void {
    this.spool.dispose();
  }
}

/** `report.html`: one self-contained page (inline styles and SVG, no scripts or fetches). */
export function renderReport(input: ReportInput): string {
  const { findings, ...options } = input;
  const builder = new ReportBuilder();
  for (const f of findings) builder.add(f);
  const page = [...builder.chunks(options)].join('');
  builder.dispose();
  return page;
}
