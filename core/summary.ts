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

export function summarize(findings: readonly Finding[]): FindingSummary {
  const byProvider: Record<Provider, Record<Status, number>> = {
    eks: zeroStatus(),
    gke: zeroStatus(),
    aks: zeroStatus(),
  };
  const failedBySeverity: Record<Severity, number> = {
    critical: 0,
    high: 0,
    medium: 0,
    low: 0,
    informational: 0,
  };
  const failing = new Map<string, FailingCheck>();
  const clusters = new Set<string>();
  for (const f of findings) {
    // An audit gap is not an audited cluster (and a target-level one names no cluster).
    if (!isCoverageFinding(f)) clusters.add(f.resourceId);
    byProvider[f.provider][f.status] += 1;
    if (f.status !== 'fail') continue;
    failedBySeverity[f.severity] += 1;
    const entry = failing.get(f.checkId) ?? {
      checkId: f.checkId,
      title: f.title,
      severity: f.severity,
      failed: 0,
    };
    entry.failed += 1;
    failing.set(f.checkId, entry);
  }
  const failingChecks = [...failing.values()].sort(
    (a, b) =>
      bySeverityDesc(a.severity, b.severity) ||
      b.failed - a.failed ||
      a.checkId.localeCompare(b.checkId),
  );
  return {
    total: findings.length,
    clusters: clusters.size,
    byProvider,
    failedBySeverity,
    failingChecks,
  };
}
