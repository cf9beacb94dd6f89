import type { Status } from '../core/check';
import { isCoverageGap } from '../core/coverage';
import type { Finding } from '../core/finding';
import type { Cloud } from '../core/provider';
import type { Severity } from '../core/severity';
import type { CollectionError } from '../core/snapshot';
import { type FindingSummary, SummaryBuilder } from '../core/summary';
import { type Target, targetLabel } from '../core/target';
import type { WriteResult } from '../outputs/formats';
import type { SecurityHubRunSummary } from './securityhub-sync';
import type { RunRef, TargetResult } from './types';

export const RUN_SUMMARY_FORMAT = 'mk8s-audit-run-summary';

/** One target as the run summary reports it. */
export interface TargetOutcome {
  target: Target;
  label: string;
  status: TargetResult['status'];
  clusters: number;
  findings: number;
  /** The calls that failed (for a failed target: why nothing was audited). */
  errors: CollectionError[];
  /** The distinct operations among `errors`: what to distrust in a partial target's results. */
  failedCalls: string[];
  /** Where its result is (or should have been). */
  resultKey: string;
}

/** One coverage finding of the run, in short. */
export interface CoverageEntry {
  findingId: string;
  cloud: Cloud;
  resourceId: string;
  resourceName: string;
  account: string;
  region: string;
  message: string;
}

/** Security Hub's part of the summary: off, or what the lifecycle imported. */
export type SecurityHubSummary = { enabled: false } | SecurityHubRunSummary;

/** `run-summary.json`: what a run covered, what it found, where it wrote and what it imported. */
export interface RunSummary {
  format: typeof RUN_SUMMARY_FORMAT;
  version: 1;
  run: RunRef;
  publishedAt: string;
  targets: {
    total: number;
    byStatus: Record<TargetResult['status'], number>;
    byCloud: Record<Cloud, Record<TargetResult['status'], number>>;
    results: TargetOutcome[];
    /** Discovery calls that failed: targets that may be missing from this run. */
    discoveryErrors: CollectionError[];
    /** Scopes whose clusters were listed and that have none: no target, nothing to audit. */
    emptyScopes: string[];
  };
  findings: FindingSummary & {
    byCloud: Record<Cloud, Record<Status, number>>;
    /** Every result by severity and status. */
    bySeverity: Record<Severity, Record<Status, number>>;
  };
  /**
   * Every gap of the run (a target or cluster not audited, or audited with failed calls), as its
   * `mk8s-audit-coverage` finding says it.
   */
  coverage: CoverageEntry[];
  /** Every object of the run in the store, this summary included. */
  keys: string[];
  /** The run's report files (OCSF, CSV, HTML report, ASFF) and any that could not be written. */
  reports: WriteResult;
  securityHub: SecurityHubSummary;
  /** The mutelist of the run: what each entry did, or why it could not be applied. */
  mutelist?: MutelistSummary;
}

/** `run-summary.json` `mutelist`: each entry's state and match count, or the load problem. */
export interface MutelistSummary {
  source: string;
  /** The UTC day the entries were judged against (the run's date). */
  asOf?: string;
  /** Results muted by an entry in force. */
  muted: number;
  entries: {
    index: number;
    state: 'active' | 'unused' | 'expired';
    matched: number;
    owner: string;
    expires: string;
  }[];
  /** Set when the mutelist could not be read or is not valid: nothing was muted. */
  problem?: string;
}

const zeroTargets = (): Record<TargetResult['status'], number> => ({
  ok: 0,
  partial: 0,
  failed: 0,
});
const zeroStatus = (): Record<Status, number> => ({
  pass: 0,
  fail: 0,
  not_applicable: 0,
  unknown: 0,
});

/** The run summary's findings part, counted one finding at a time. */
export class RunFindingsTally {
  private readonly summary = new SummaryBuilder();
  private readonly byCloud: Record<Cloud, Record<Status, number>> = {
    aws: zeroStatus(),
    gcp: zeroStatus(),
    azure: zeroStatus(),
  };
  private readonly bySeverity: Record<Severity, Record<Status, number>> = {
    critical: zeroStatus(),
    high: zeroStatus(),
    medium: zeroStatus(),
    low: zeroStatus(),
    informational: zeroStatus(),
  };
  readonly coverage: CoverageEntry[] = [];
  total = 0;

  add(f: Finding): void {
    this.total += 1;
    this.summary.add(f);
    this.byCloud[f.cloud][f.status] += 1;
    this.bySeverity[f.severity][f.status] += 1;
    if (isCoverageGap(f)) {
      this.coverage.push({
        findingId: f.id,
        cloud: f.cloud,
        resourceId: f.resourceId,
        resourceName: f.resourceName,
        account: f.account,
        region: f.region,
        message: f.message,
      });
    }
  }

  findings(): RunSummary['findings'] {
    return { ...this.summary.result(), byCloud: this.byCloud, bySeverity: this.bySeverity };
  }

  static of(findings: readonly Finding[]): RunFindingsTally {
    const tally = new RunFindingsTally();
    for (const f of findings) tally.add(f);
    return tally;
  }
}

export function buildRunSummary(args: {
  run: RunRef;
  publishedAt: Date;
  outcomes: TargetOutcome[];
  discoveryErrors: CollectionError[];
  emptyScopes: readonly string[];
  /** The run's findings, or their tally when they were counted as they were written. */
  findings: readonly Finding[] | RunFindingsTally;
  keys: string[];
  reports: WriteResult;
  securityHub: SecurityHubSummary;
}): RunSummary {
  const byStatus = zeroTargets();
  const byCloudTargets: Record<Cloud, Record<TargetResult['status'], number>> = {
    aws: zeroTargets(),
    gcp: zeroTargets(),
    azure: zeroTargets(),
  };
  for (const o of args.outcomes) {
    byStatus[o.status] += 1;
    byCloudTargets[o.target.cloud][o.status] += 1;
  }
  const tally =
    args.findings instanceof RunFindingsTally ? args.findings : RunFindingsTally.of(args.findings);
  return {
    format: RUN_SUMMARY_FORMAT,
    version: 1,
    run: args.run,
    publishedAt: args.publishedAt.toISOString(),
    targets: {
      total: args.outcomes.length,
      byStatus,
      byCloud: byCloudTargets,
      results: args.outcomes,
      discoveryErrors: args.discoveryErrors,
      emptyScopes: [...args.emptyScopes],
    },
    findings: tally.findings(),
    coverage: tally.coverage,
    keys: args.keys,
    reports: args.reports,
    securityHub: args.securityHub,
  };
}

/** A target's outcome from its result. */
export function outcomeOf(result: TargetResult, resultKey: string): TargetOutcome {
  return {
    target: result.target,
    label: targetLabel(result.target),
    status: result.status,
    clusters: result.clusters,
    findings: result.findings,
    errors: result.errors,
    failedCalls: failedCalls(result.errors),
    resultKey,
  };
}

/** The distinct failed operations, sorted. */
export function failedCalls(errors: readonly CollectionError[]): string[] {
  return [...new Set(errors.map((e) => e.operation))].sort();
}
