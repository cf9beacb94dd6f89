import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALL_CHECKS } from '../checks/index';
import { type AuditConfig, defaultAuditConfig } from '../core/config';
import type { Finding } from '../core/finding';
import { runChecks } from '../core/run-checks';
import { atLeast, type Severity } from '../core/severity';
import type { ClusterSnapshot } from '../core/snapshot';
import { type FindingSummary, summarize } from '../core/summary';
import type { LiveAwsOptions } from './aws-live';
import { EXIT } from './command';
import type { InputProblem } from './input-files';
import { loadInputs } from './load-inputs';

export interface ScanRequest {
  /** Export files and directories. */
  inputs: readonly string[];
  /** Also audit the caller's AWS account live. */
  aws?: LiveAwsOptions;
  /** Where `findings.json` is written. */
  outDir: string;
  failOn?: Severity;
  now?: Date;
  config?: AuditConfig;
}

export interface ScanResult {
  snapshots: ClusterSnapshot[];
  findings: Finding[];
  summary: FindingSummary;
  /** Inputs (files, targets) that could not be read; everything else was audited. */
  problems: InputProblem[];
  /** Labels of what was read: files and AWS targets. */
  sources: string[];
  findingsFile: string;
  exitCode: number;
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
  if (req.aws) {
    // Loaded on demand: an offline scan does not pay for the AWS SDK.
    const { collectLiveAws } = await import('./aws-live');
    const live = await collectLiveAws(req.aws);
    snapshots.push(...live.snapshots);
    problems.push(...live.problems);
    sources.push(...live.targets.map((t) => `aws:${t.account}/${t.region}`));
  }

  const findings = runChecks(ALL_CHECKS, snapshots, {
    now: req.now ?? new Date(),
    config: req.config ?? defaultAuditConfig(),
  });
  await mkdir(req.outDir, { recursive: true });
  const findingsFile = join(req.outDir, 'findings.json');
  await writeFile(findingsFile, `${JSON.stringify(findings, null, 2)}\n`);

  const failOn = req.failOn;
  const exitCode =
    problems.length > 0
      ? EXIT.badInput
      : failOn !== undefined &&
          findings.some((f) => f.status === 'fail' && atLeast(f.severity, failOn))
        ? EXIT.failOn
        : EXIT.ok;
  return {
    snapshots,
    findings,
    summary: summarize(findings),
    problems,
    sources,
    findingsFile,
    exitCode,
  };
}
