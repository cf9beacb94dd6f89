import type { Status } from './check';
import { isCoverageFinding } from './coverage';
import type { Finding } from './finding';
import type { Provider } from './provider';
import { bySeverityDesc, type Severity } from './severity';

export interface FailingCheck {
  checkId: string;
  title: string;
  severity: Severity;
  failed: number;
}

export interface FindingSummary {
  total: number;
  clusters: number;
  byProvider: Record<Provider, Record<Status, number>>;
  /** Failures by severity. */
  failedBySeverity: Record<Severity, number>;
  failingChecks: FailingCheck[];
}

const zeroStatus = (): Record<Status, number> => ({
  pass: 0,
  fail: 0,
  not_applicable: 0,
  unknown: 0,
});

/**
 * The summary built one finding at a time, so a run's findings need not all be in memory:
 * `summarize` is `add` over the list, then `result`.
 */
export class SummaryBuilder {
  private total = 0;
  private readonly byProvider: Record<Provider, Record<Status, number>> = {
    eks: zeroStatus(),
    gke: zeroStatus(),
    aks: zeroStatus(),
  };
  private readonly failedBySeverity: Record<Severity, number> = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    informational: 0,
  };
  private readonly failing = new Map<string, FailingCheck>();
  private readonly clusters = new Set<string>();

  add(f: Finding): void {
    this.total += 1;
    // An audit gap is not an audited cluster (and a target-level one names no cluster).
    if (!isCoverageFinding(f)) this.clusters.add(f.resourceId);
    this.byProvider[f.provider][f.status] += 1;
    if (f.status !== 'fail') return;
    this.failedBySeverity[f.severity] += 1;
    const entry = this.failing.get(f.checkId) ?? {
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      failed: 0,
    };
    entry.failed += 1;
    this.failing.set(f.checkId, entry);
  }

  result(): FindingSummary {
    const failingChecks = [...this.failing.values()]
      .map((c) => ({ ...c }))
      .sort(
        (a, b) =>
          bySeverityDesc(a.severity, b.severity) ||
          b.failed - a.failed ||
          a.checkId.localeCompare(b.checkId),
      );
    const byProvider = {
      eks: { ...this.byProvider.eks },
      gke: { ...this.byProvider.gke },
      aks: { ...this.byProvider.aks },
    };
    return {
      total: this.total,
      clusters: this.clusters.size,
      byProvider,
      failedBySeverity: { ...this.failedBySeverity },
      failingChecks,
    };
  }
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const builder = new SummaryBuilder();
  for (const f of findings) builder.add(f);
  return builder.result();
}
