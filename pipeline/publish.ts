import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import { mapLimit } from '../core/map-limit';
import type { CollectionError } from '../core/snapshot';
import { type Target, targetLabel } from '../core/target';
import { findingsJson, parseFindingsJson } from '../outputs/findings-json';
import { type LifecyclePlan, targetOf } from '../outputs/securityhub-lifecycle';
import type { WriteConflictError } from '../outputs/write-conflict';
import { discoveryCoverage, unreadTargetCoverage } from './coverage';
import { keys, runPrefix } from './keys';
import { type MutelistSource, muteRun, summarizeMutelist } from './mutelist-source';
import { writeRunReports } from './run-reports';
import {
  buildRunSummary,
  failedCalls,
  outcomeOf,
  type RunSummary,
  type SecurityHubSummary,
  type TargetOutcome,
} from './run-summary';
import {
  type SecurityHubDestination,
  type SecurityHubRunSummary,
  type SyncInput,
  syncSecurityHub,
} from './securityhub-sync';
import {
  DiscoverOutput,
  type ObjectStore,
  type PublishInput,
  type RunRef,
  TargetResult,
} from './types';

export type { SecurityHubDestination };

export interface PublishDeps {
  store: ObjectStore;
  clock: () => Date;
  logger: Logger;
  /** Absent: Security Hub import is off for this run. */
  securityHub?: SecurityHubDestination;
  /** The accepted risks to mark muted (read at every run); absent: nothing is muted. */
  mutelist?: MutelistSource;
}

export interface PublishOutput {
  run: RunRef;
  findingsKey: string;
  summaryKey: string;
  summary: RunSummary;
}

function parseJson(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${key} is not JSON: ${(error as Error).message}`);
  }
}

async function readTargets(store: ObjectStore, run: RunRef): Promise<DiscoverOutput> {
  const key = keys.targets(run);
  const text = await store.get(key);
  if (text === undefined) {
    throw new Error(`run ${run.runId} has no ${key}: the discover step did not store its targets`);
  }
  const parsed = DiscoverOutput.safeParse(parseJson(text, key));
  if (!parsed.success)
    throw new Error(`${key} is not a valid targets file: ${parsed.error.message}`);
  return parsed.data;
}

const failedOutcome = (
  target: Target,
  resultKey: string,
  error: CollectionError,
): TargetOutcome => ({
  target,
  label: targetLabel(target),
  status: 'failed',
  clusters: 0,
  findings: 0,
  errors: [error],
  failedCalls: failedCalls([error]),
  resultKey,
});

/** A target's outcome and findings; anything unreadable makes it a failed target. */
async function readTarget(
  store: ObjectStore,
  run: RunRef,
  target: Target,
): Promise<{ outcome: TargetOutcome; findings: Finding[] }> {
  const resultKey = keys.targetResult(run, target);
  const text = await store.get(resultKey);
  if (text === undefined) {
    return {
      outcome: failedOutcome(target, resultKey, {
        operation: 'mk8s-audit:AuditTarget',
        code: 'MissingResult',
        message: `no result at ${resultKey}: the audit-target step failed after its retries or never ran`,
      }),
      findings: [],
    };
  }
  const parsed = TargetResult.safeParse(parseJsonOrUndefined(text));
  if (!parsed.success) {
    return {
      outcome: failedOutcome(target, resultKey, {
        operation: 'mk8s-audit:AuditTarget',
        code: 'InvalidResult',
        message: `${resultKey} is not a valid target result: ${parsed.error.issues[0]?.message ?? 'not JSON'}`,
      }),
      findings: [],
    };
  }
  const result = parsed.data;
  if (result.findings === 0) return { outcome: outcomeOf(result, resultKey), findings: [] };
  try {
    const findingsText = await store.get(result.findingsKey);
    if (findingsText === undefined) throw new Error(`${result.findingsKey} is missing`);
    return {
      outcome: outcomeOf(result, resultKey),
      findings: parseFindingsJson(findingsText, result.findingsKey),
    };
  } catch (error) {
    return {
      outcome: failedOutcome(target, resultKey, {
        operation: 'mk8s-audit:AuditTarget',
        code: 'InvalidFindings',
        message: (error as Error).message,
      }),
      findings: [],
    };
  }
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A run as publish sees it: its targets, every target's outcome and findings (a target without
 * a readable result is a failed target), the coverage findings of the gaps, and the Security
 * Hub lifecycle's input (each finding with its target; the targets that completed).
 */
async function readRun(
  store: ObjectStore,
  run: RunRef,
  publishedAt: Date,
  mutelist: MutelistSource | undefined,
  logger: Logger,
) {
  const discovered = await readTargets(store, run);
  const read = await mapLimit(discovered.targets, 8, (t) => readTarget(store, run, t));
  const fromTargets = read.flatMap((r) =>
    r.findings.map((finding) => ({ finding, target: r.outcome.label })),
  );
  // Targets without a readable result and failed discovery calls are audit gaps: findings too.
  const coverage = [
    ...unreadTargetCoverage(
      read.map((r) => r.outcome),
      (i) => read[i]?.findings ?? [],
      publishedAt,
    ),
    ...discoveryCoverage(discovered.errors ?? [], publishedAt),
  ];
  // Muted before anything is written, so every format and Security Hub see the same results.
  const muting = await muteRun(
    [...fromTargets.map((f) => f.finding), ...coverage],
    run,
    mutelist,
    logger,
  );
  const { findings } = muting;
  const hubInput: SyncInput = {
    run,
    // applyMutelist keeps order and length: findings[i] is fromTargets[i], muted or not.
    // Coverage findings made here belong to the target (or discovery scope) they name.
    findings: findings.map((finding, i) => ({
      finding,
      target: fromTargets[i]?.target ?? targetOf(finding),
    })),
    completeTargets: new Set(
      read.filter((r) => r.outcome.status === 'ok').map((r) => r.outcome.label),
    ),
    now: publishedAt,
  };
  return { discovered, read, findings, hubInput, muting };
}

/**
 * What publish would import into Security Hub for a run, read from the store and the state,
 * with nothing imported and nothing written (`mk8s-audit publish --dry-run`).
 */
export async function planPublish(
  input: PublishInput,
  deps: PublishDeps & { securityHub: SecurityHubDestination },
): Promise<{ summary: SecurityHubRunSummary; plan: LifecyclePlan }> {
  const { hubInput } = await readRun(
    deps.store,
    input.run,
    deps.clock(),
    deps.mutelist,
    deps.logger,
  );
  const { summary, plan } = await syncSecurityHub(
    hubInput,
    { ...deps.securityHub, dryRun: true },
    deps.store,
    deps.logger,
  );
  return { summary, plan };
}

/**
 * Step 3 of a run: reads `targets.json` and every target's result (a target without one is a
 * failed target), merges the findings into `findings.json`, imports them into Security Hub when
 * a destination is given, and writes `run-summary.json` last.
 */
export async function publish(input: PublishInput, deps: PublishDeps): Promise<PublishOutput> {
  const { run } = input;
  const publishedAt = deps.clock();
  const { discovered, read, findings, hubInput, muting } = await readRun(
    deps.store,
    run,
    publishedAt,
    deps.mutelist,
    deps.logger,
  );

  const findingsKey = keys.findings(run);
  await deps.store.put(findingsKey, findingsJson(findings), 'application/json');

  let securityHub: SecurityHubSummary = { enabled: false };
  let conflict: WriteConflictError | undefined;
  if (deps.securityHub) {
    const synced = await syncSecurityHub(hubInput, deps.securityHub, deps.store, deps.logger);
    securityHub = synced.summary;
    conflict = synced.conflict;
  }

  const dest = deps.securityHub;
  // OCSF, CSV, the HTML report (and ASFF): conveniences that never fail the run.
  const reports = await writeRunReports(findings, run, deps.store, {
    time: publishedAt,
    logger: deps.logger,
    failedTargets: read
      .filter((r) => r.outcome.status === 'failed')
      .map((r) => ({ cloud: r.outcome.target.cloud, label: r.outcome.label })),
    ...(muting.mutelist
      ? {
          exceptions: {
            asOf: muting.mutelist.asOf,
            source: muting.mutelist.source,
            entries: muting.mutelist.entries,
          },
        }
      : {}),
    ...(dest
      ? {
          asff: {
            account: dest.account,
            region: dest.region,
            partition: dest.partition,
            observedAt: publishedAt,
          },
        }
      : {}),
  });

  const summaryKey = keys.summary(run);
  const written = new Set([...(await deps.store.list(runPrefix(run))), summaryKey]);
  const built = buildRunSummary({
    run,
    publishedAt,
    outcomes: read.map((r) => r.outcome),
    discoveryErrors: discovered.errors ?? [],
    findings,
    keys: [...written].sort(),
    reports: reports ?? {
      written: [],
      failed: [],
      historyProblems: ['the report files could not be written (see the log)'],
    },
    securityHub,
  });
  const mutelistSummary = summarizeMutelist(muting);
  const summary: RunSummary = mutelistSummary ? { ...built, mutelist: mutelistSummary } : built;
  await deps.store.put(summaryKey, `${JSON.stringify(summary, null, 2)}\n`, 'application/json');
  // An overlapping run wrote the Security Hub state first: this run fails, after its summary.
  if (conflict) throw conflict;
  deps.logger.info('Published run', {
    runId: run.runId,
    targets: summary.targets.byStatus,
    findings: findings.length,
    securityHub: securityHub.enabled
      ? {
          imported: securityHub.imported,
          updated: securityHub.updated,
          passed: securityHub.passed,
          archived: securityHub.archived,
          refreshed: securityHub.refreshed,
          failed: securityHub.failed,
          calls: securityHub.calls,
        }
      : 'off',
  });
  return { run, findingsKey, summaryKey, summary };
}
