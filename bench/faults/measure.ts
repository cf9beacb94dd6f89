import { COVERAGE_CHECK_ID, isCoverageFinding, isCoverageGap } from '../../core/coverage';
import type { Finding } from '../../core/finding';
import { COMPLIANCE_STATUS } from '../../outputs/asff';
import type { RunSummary } from '../../pipeline/run-summary';
import type { StoredFinding } from '../../sandbox/aws/securityhub-store';

/** One scenario's line of the `npm run faults` table and JSON. */
export interface ScenarioReport {
  scenario: string;
  clustersExpected: number;
  clustersAudited: number;
  /** Findings of a clean run of the estate (coverage findings aside). */
  findingsExpected: number;
  /** Findings of the faulted run (coverage findings aside). */
  findingsProduced: number;
  /**
   * Expected findings gone without a coverage finding saying why: missing from the run's
   * `findings.json`, or missing from Security Hub (not held ACTIVE with the run's status).
   */
  findingsLost: number;
  /** Archives, or PASSED imports of a result that is not a pass, Security Hub received wrongly. */
  wrongSecurityHubChanges: number;
  /** `ok`: nothing lost or wrong; `degraded`: nothing lost, but a transient fault left a gap
   * the retries should have absorbed; `failed`: something was lost, wrong or unexplained. */
  outcome: 'ok' | 'degraded' | 'failed';
  /** Coverage gaps of the run (failing coverage findings). */
  coverageFindings: number;
  /** Of `findingsLost`: missing from the run itself, and missing from Security Hub. */
  lostInRun: number;
  lostInSecurityHub: number;
  /** Expected findings present without a coverage finding, but with another status. */
  findingsChanged: number;
  /** Failed targets with no coverage finding naming them. */
  gapsUnreported: number;
  /** Targets by status in the run summary. */
  targets: { ok: number; partial: number; failed: number };
  /** Why the outcome is not `ok`, in short sentences. */
  notes: string[];
}

/** The target label a finding belongs to (as `targetLabel` spells it). */
export function targetOf(f: Pick<Finding, 'cloud' | 'account' | 'region'>): string {
  return f.cloud === 'aws' ? `aws:${f.account}/${f.region}` : `${f.cloud}:${f.account}`;
}

export interface Measured {
  scenario: string;
  /** The clean run's findings and summary (same day, same estate). */
  baseline: { findings: readonly Finding[]; summary: RunSummary };
  /** The faulted run. */
  run: { findings: readonly Finding[]; summary: RunSummary };
  /** Security Hub before and after the faulted run. */
  hubBefore: readonly StoredFinding[];
  hubAfter: readonly StoredFinding[];
  /** The fault is transient (throttling, 5xx, a failed write): retries should leave no gap. */
  transient: boolean;
}

const compliance = (f: StoredFinding): unknown =>
  (f['Compliance'] as { Status?: unknown } | undefined)?.Status;

export function measure(m: Measured): ScenarioReport {
  const notes: string[] = [];
  const expected = m.baseline.findings.filter((f) => !isCoverageFinding(f));
  const produced = m.run.findings.filter((f) => !isCoverageFinding(f));
  const producedById = new Map(produced.map((f) => [f.id, f]));
  const coverage = m.run.findings.filter(isCoverageGap);
  const coveredIds = new Set(coverage.map((f) => f.resourceId));
  const failedTargets = new Set(
    m.run.summary.targets.results.filter((t) => t.status === 'failed').map((t) => t.label),
  );
  // A finding is accounted for when its cluster, its failed target or its account has a gap.
  const covered = (f: Finding) =>
    coveredIds.has(f.resourceId) ||
    (failedTargets.has(targetOf(f)) && coveredIds.has(targetOf(f))) ||
    coveredIds.has(`${f.cloud}:${f.account}`);

  let lostInRun = 0;
  let findingsChanged = 0;
  for (const f of expected) {
    if (covered(f)) continue;
    const got = producedById.get(f.id);
    if (!got) lostInRun += 1;
    else if (got.status !== f.status) findingsChanged += 1;
  }
  if (lostInRun > 0)
    notes.push(`${lostInRun} expected findings missing without a coverage finding`);
  if (findingsChanged > 0) notes.push(`${findingsChanged} findings changed status without a gap`);

  // Security Hub must hold every finding of the run ACTIVE with the run's status.
  const hub = new Map(m.hubAfter.map((f) => [String(f['Id']), f]));
  let lostInSecurityHub = 0;
  for (const f of m.run.findings) {
    const held = hub.get(f.id);
    const active = held?.['RecordState'] === 'ACTIVE';
    if (!held || !active || compliance(held) !== COMPLIANCE_STATUS[f.status])
      lostInSecurityHub += 1;
  }
  if (lostInSecurityHub > 0)
    notes.push(`${lostInSecurityHub} findings of the run not in Security Hub with their status`);

  // Wrong changes: an archive (the estate did not change), or a PASSED for a result that is
  // not a pass. A coverage gap of an earlier run that this run no longer has is resolved, by
  // archive or pass: that is right.
  const before = new Map(m.hubBefore.map((f) => [String(f['Id']), f]));
  const runStatus = new Map(m.run.findings.map((f) => [f.id, f.status]));
  const resolvedGap = (id: string, f: StoredFinding) =>
    f['GeneratorId'] === COVERAGE_CHECK_ID && (runStatus.get(id) ?? 'pass') === 'pass';
  let wrong = 0;
  for (const [id, after] of hub) {
    const was = before.get(id);
    if (after['RecordState'] === 'ARCHIVED' && was?.['RecordState'] !== 'ARCHIVED') {
      if (!resolvedGap(id, after)) wrong += 1;
    } else if (
      compliance(after) === 'PASSED' &&
      compliance(was ?? {}) !== 'PASSED' &&
      runStatus.get(id) !== 'pass' &&
      !resolvedGap(id, after)
    )
      wrong += 1;
  }
  if (wrong > 0) notes.push(`${wrong} wrong Security Hub changes`);

  const gapsUnreported = [...failedTargets].filter((t) => !coveredIds.has(t)).length;
  if (gapsUnreported > 0) notes.push(`${gapsUnreported} failed targets without a coverage finding`);

  const baselineGaps = new Set(m.baseline.findings.filter(isCoverageGap).map((f) => f.id));
  const newGaps = coverage.filter((f) => !baselineGaps.has(f.id));
  if (m.transient && newGaps.length > 0)
    notes.push(`a transient fault left ${newGaps.length} gaps the retries did not absorb`);

  const findingsLost = lostInRun + lostInSecurityHub;
  const failed = findingsLost > 0 || findingsChanged > 0 || wrong > 0 || gapsUnreported > 0;
  return {
    scenario: m.scenario,
    clustersExpected: m.baseline.summary.findings.clusters,
    clustersAudited: m.run.summary.findings.clusters,
    findingsExpected: expected.length,
    findingsProduced: produced.length,
    findingsLost,
    wrongSecurityHubChanges: wrong,
    outcome: failed ? 'failed' : m.transient && newGaps.length > 0 ? 'degraded' : 'ok',
    coverageFindings: coverage.length,
    lostInRun,
    lostInSecurityHub,
    findingsChanged,
    gapsUnreported,
    targets: m.run.summary.targets.byStatus,
    notes,
  };
}
