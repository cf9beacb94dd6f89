import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FRAMEWORKS } from '../checks/frameworks/index';
import { ALL_CHECKS } from '../checks/index';
import { responsibilityForReport } from '../checks/responsibility/index';
import { type AuditConfig, defaultAuditConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { Mutelist } from '../core/mutelist';
import { applyMutelist, utcDay } from '../core/mutelist-match';
import { runChecks } from '../core/run-checks';
import { atLeast, type Severity } from '../core/severity';
import type { ClusterSnapshot } from '../core/snapshot';
import { type FindingSummary, summarize } from '../core/summary';
import type { AsffContext } from '../outputs/asff';
import { type FormatName, writeFormats } from '../outputs/formats';
import { createFsStore } from '../outputs/fs-store';
import type { ReportExceptions } from '../outputs/report/types';
import pkg from '../package.json' with { type: 'json' };
import type { LiveAwsOptions } from './aws-live';
import type { LiveAzureOptions } from './azure-live';
import { EXIT } from './command';
import type { LiveGcpOptions } from './gcp-live';
import type { InputProblem } from './input-files';
import { loadInputs } from './load-inputs';
import { type ScanProgress, SILENT_PROGRESS } from './progress';

export interface ScanRequest {
  /** Export files and directories. */
  inputs: readonly string[];
  /** Also audit the caller's AWS account live. */
  aws?: LiveAwsOptions;
  /** Also audit the GKE clusters of these GCP projects live. */
  gcp?: LiveGcpOptions;
  /** Also audit Azure subscriptions live. */
  azure?: LiveAzureOptions;
  /** Where `findings.json` (and the other formats) are written. */
  outDir: string;
  /** Files to write (`--format`); default `json` alone. */
  formats?: readonly FormatName[];
  failOn?: Severity;
  now?: Date;
  /** The progress of live collection (default: none). */
  progress?: ScanProgress;
  config?: AuditConfig;
  /** Accepted risks to mark muted, judged on the UTC day of `now`. */
  mutelist?: { mutelist: Mutelist; source: string };
}

export interface ScanResult {
  snapshots: ClusterSnapshot[];
  findings: Finding[];
  summary: FindingSummary;
  /** Inputs (files, targets) that could not be read; everything else was audited. */
  problems: InputProblem[];
  /** Labels of what was read: files and AWS targets. */
  sources: string[];
  /** The first file written (findings.json by default). */
  findingsFile: string;
  /** Every file written, the run history (`history.json`) last. */
  files: string[];
  /** Formats that could not be written and run-history problems, one sentence each. */
  outputProblems: string[];
  /** What the mutelist did, when one was given. */
  mutelist?: ReportExceptions & { source: string; muted: number };
  exitCode: number;
}

/** The AWS partition of a Region name. */
function partitionOf(region: string): AsffContext['partition'] {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/**
 * The offline (and live AWS) scan: read inputs, run every check, write `findings.json`.
 * Exit code: 2 when an input could not be read, else 1 when `failOn` is met, else 0.
 */
export async function runScan(req: ScanRequest): Promise<ScanResult> {
  const loaded = await loadInputs(req.inputs, [req.outDir]);
  const snapshots = [...loaded.snapshots];
  const problems = [...loaded.problems];
  const sources = [...loaded.files];
  const progress = req.progress ?? SILENT_PROGRESS;
  let asff: AsffContext | undefined;
  if (req.aws) {
    // Loaded on demand: an offline scan does not pay for the AWS SDK.
    const { collectLiveAws } = await import('./aws-live');
    const live = await collectLiveAws(req.aws, progress);
    snapshots.push(...live.snapshots);
    problems.push(...live.problems);
    sources.push(...live.targets.map((t) => `aws:${t.account}/${t.region}`));
    // findings.asff.json is for the caller's own account and first region (Security Hub's
    // custom-integration product of that account).
    const first = live.targets[0];
    if (first) {
      asff = {
        account: first.account,
        region: first.region,
        partition: partitionOf(first.region),
        observedAt: req.now ?? new Date(),
      };
    }
  }
  if (req.azure) {
    // Loaded on demand, like the AWS SDK.
    const { collectLiveAzure } = await import('./azure-live');
    const live = await collectLiveAzure(req.azure, progress);
    snapshots.push(...live.snapshots);
    problems.push(...live.problems);
    sources.push(...live.targets.map((t) => `azure:${t.subscription}`));
  }

  if (req.gcp) {
    const { collectLiveGcp } = await import('./gcp-live');
    const live = await collectLiveGcp(req.gcp, progress);
    snapshots.push(...live.snapshots);
    problems.push(...live.problems);
    sources.push(...live.targets.map((t) => `gcp:${t.project}`));
  }

  progress.finish();
  const now = req.now ?? new Date();
  const results = runChecks(ALL_CHECKS, snapshots, {
    now,
    config: req.config ?? defaultAuditConfig(),
  });
  const applied = req.mutelist
    ? applyMutelist(results, req.mutelist.mutelist, utcDay(now))
    : undefined;
  const findings = applied?.findings ?? results;
  const exceptions =
    applied && req.mutelist
      ? {
          asOf: applied.asOf,
          source: req.mutelist.source,
          entries: applied.entries,
          muted: applied.findings.filter((f) => f.muted).length,
        }
      : undefined;
  await mkdir(req.outDir, { recursive: true });
  // `history.json` in --out keeps one line of counts per scan: the report's trend.
  const out = await writeFormats(findings, req.formats ?? ['json'], createFsStore(req.outDir), {
    time: now,
    productVersion: pkg.version,
    frameworks: FRAMEWORKS,
    responsibility: responsibilityForReport(ALL_CHECKS),
    historyKey: 'history.json',
    ...(asff ? { asff } : {}),
    ...(exceptions ? { exceptions } : {}),
  });
  const files = out.written.map((key) => join(req.outDir, key));
  const outputProblems = [
    ...out.failed.map((f) => `${join(req.outDir, f.key)} (${f.format}) not written: ${f.error}`),
    ...out.historyProblems,
  ];

  const failOn = req.failOn;
  // A muted failure is an accepted risk: it does not trip --fail-on.
  const exitCode =
    problems.length > 0 || out.failed.length > 0
      ? EXIT.badInput
      : failOn !== undefined &&
          findings.some((f) => f.status === 'fail' && !f.muted && atLeast(f.severity, failOn))
        ? EXIT.failOn
        : EXIT.ok;
  return {
    snapshots,
    findings,
    summary: summarize(findings),
    problems,
    sources,
    findingsFile: files[0] ?? join(req.outDir, 'findings.json'),
    files,
    outputProblems,
    ...(exceptions ? { mutelist: exceptions } : {}),
    exitCode,
  };
}
