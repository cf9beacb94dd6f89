import { isCoverageGap } from '../core/coverage';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import type { CollectionError } from '../core/snapshot';
import { scopeLabel, type Target, targetLabel } from '../core/target';
import { findingsJsonEncoder, parseFindingsJson } from '../outputs/findings-json';
import { openObjectWriter } from '../outputs/object-writer';
import { type LifecyclePlan, targetOf } from '../outputs/securityhub-lifecycle';
import type { WriteConflictError } from '../outputs/write-conflict';
import { discoveryCoverage, unreadTargetCoverage } from './coverage';
import { keys, runPrefix } from './keys';
import { type MutelistSource, openMuting, summarizeMutelist } from './mutelist-source';
import { openRunReports } from './run-reports';
import {
  buildRunSummary,
  failedCalls,
  outcomeOf,
  RunFindingsTally,
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
 * Scopes audited completely: every part ok (one failed part leaves the whole scope's findings
 * as they are), and the scopes discover listed with no cluster left.
 */
export function completeScopes(
  outcomes: readonly Pick<TargetOutcome, 'target' | 'status'>[],
  emptyScopes: readonly string[],
): Set<string> {
  const ok = new Map<string, boolean>();
  for (const outcome of outcomes) {
    const scope = scopeLabel(outcome.target);
    ok.set(scope, (ok.get(scope) ?? true) && outcome.status === 'ok');
  }
  return new Set([...emptyScopes, ...[...ok].filter(([, all]) => all).map(([scope]) => scope)]);
}

/** Target results read ahead of the one being written: reading overlaps writing. */
const READ_AHEAD = 2;

/** One batch of a run's findings, muted, with the target label each belongs to. */
type Sink = (
  findings: readonly Finding[],
  targetOf: (f: Finding, i: number) => string,
) => Promise<void>;

/**
 * A run as publish sees it, one target at a time: its targets, every target's outcome and
 * findings (a target without a readable result is a failed target), then the coverage findings
 * of the gaps. Each batch goes to `sink` muted and is then dropped, so publish never holds the
 * run's findings (unless the sink keeps them).
 */
async function readRun(
  store: ObjectStore,
  run: RunRef,
  publishedAt: Date,
  mutelist: MutelistSource | undefined,
  logger: Logger,
  sink: Sink,
) {
  const discovered = await readTargets(store, run);
  // Muted before anything is written, so every format and Security Hub see the same results.
  const muting = await openMuting(run, mutelist, logger);
  const { targets } = discovered;
  const reads: (Promise<{ outcome: TargetOutcome; findings: Finding[] }> | undefined)[] = [];
  const start = (i: number) => {
    const t = targets[i];
    if (t === undefined) return;
    const read = readTarget(store, run, t);
    // Awaited in order below; this only keeps an early failure from being reported unhandled.
    read.catch(() => {});
    reads[i] = read;
  };
  for (let i = 0; i < READ_AHEAD; i++) start(i);
  const outcomes: TargetOutcome[] = [];
  // Of a failed target, its own target-wide gap findings: whether it still needs one.
  const failedGaps: Finding[][] = [];
  for (let i = 0; i < targets.length; i++) {
    start(i + READ_AHEAD);
    const read = reads[i];
    reads[i] = undefined;
    if (!read) continue;
    const { outcome, findings } = await read;
    outcomes.push(outcome);
    failedGaps.push(
      outcome.status === 'failed'
        ? findings.filter((f) => isCoverageGap(f) && f.resourceId === outcome.label)
        : [],
    );
    // The lifecycle keeps findings per scope: how a scope was split into parts never matters.
    const scope = scopeLabel(outcome.target);
    if (findings.length > 0) await sink(muting.mark(findings), () => scope);
  }
  // Targets without a readable result and failed discovery calls are audit gaps: findings too.
  const coverage = [
    ...unreadTargetCoverage(outcomes, (i) => failedGaps[i] ?? [], publishedAt),
    ...discoveryCoverage(discovered.errors ?? [], publishedAt),
  ];
  // Coverage findings made here belong to the target (or discovery scope) they name.
  if (coverage.length > 0) await sink(muting.mark(coverage), (f) => targetOf(f));
  const completeTargets = completeScopes(outcomes, discovered.emptyScopes ?? []);
  return { discovered, outcomes, completeTargets, muting: muting.finish() };
}

/** A sink that keeps every finding with its target: Security Hub's lifecycle needs them all. */
function hubCollector(): { sink: Sink; findings: SyncInput['findings'][number][] } {
  const findings: SyncInput['findings'][number][] = [];
  return {
    findings,
    async sink(batch, targetOf) {
      batch.forEach((finding, i) => {
        findings.push({ finding, target: targetOf(finding, i) });
      });
    },
  };
}

/**
 * What publish would import into Security Hub for a run, read from the store and the state,
 * with nothing imported and nothing written (`mk8s-audit publish --dry-run`).
 */
export async function planPublish(
  input: PublishInput,
  deps: PublishDeps & { securityHub: SecurityHubDestination },
): Promise<{ summary: SecurityHubRunSummary; plan: LifecyclePlan }> {
  const now = deps.clock();
  const hub = hubCollector();
  const { completeTargets } = await readRun(
    deps.store,
    input.run,
    now,
    deps.mutelist,
    deps.logger,
    hub.sink,
  );
  const { summary, plan } = await syncSecurityHub(
    { run: input.run, findings: hub.findings, completeTargets, now },
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
  const dest = deps.securityHub;

  const findingsKey = keys.findings(run);
  const merged = openObjectWriter(deps.store, findingsKey, 'application/json');
  const mergedJson = findingsJsonEncoder();
  // OCSF, CSV, the HTML report (and ASFF): conveniences that never fail the run.
  const reports = await openRunReports(run, deps.store, {
    time: publishedAt,
    logger: deps.logger,
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
  const tally = new RunFindingsTally();
  // Security Hub's lifecycle diffs the whole run against its state: only then are findings kept.
  const hub = dest ? hubCollector() : undefined;

  let read: Awaited<ReturnType<typeof readRun>>;
  try {
    read = await readRun(
      deps.store,
      run,
      publishedAt,
      deps.mutelist,
      deps.logger,
      async (batch, targetOf) => {
        for (const f of batch) await merged.write(mergedJson.item(f));
        for (const f of batch) tally.add(f);
        await reports.add(batch);
        await hub?.sink(batch, targetOf);
      },
    );
    await merged.write(mergedJson.end());
    await merged.end();
  } catch (error) {
    await merged.abort().catch(() => {});
    await reports.abort().catch(() => {});
    throw error;
  }
  const { discovered, outcomes, completeTargets, muting } = read;

  let securityHub: SecurityHubSummary = { enabled: false };
  let conflict: WriteConflictError | undefined;
  if (dest && hub) {
    const synced = await syncSecurityHub(
      { run, findings: hub.findings, completeTargets, now: publishedAt },
      dest,
      deps.store,
      deps.logger,
    );
    securityHub = synced.summary;
    conflict = synced.conflict;
  }

  const written = await reports.finish({
    failedTargets: outcomes
      .filter((o) => o.status === 'failed')
      .map((o) => ({ cloud: o.target.cloud, label: o.label })),
    ...(muting.mutelist
      ? {
          exceptions: {
            asOf: muting.mutelist.asOf,
            source: muting.mutelist.source,
            entries: muting.mutelist.entries,
          },
        }
      : {}),
  });

  const summaryKey = keys.summary(run);
  const keysWritten = new Set([...(await deps.store.list(runPrefix(run))), summaryKey]);
  const built = buildRunSummary({
    run,
    publishedAt,
    outcomes,
    discoveryErrors: discovered.errors ?? [],
    emptyScopes: discovered.emptyScopes ?? [],
    findings: tally,
    keys: [...keysWritten].sort(),
    reports: written ?? {
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
    findings: tally.total,
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
