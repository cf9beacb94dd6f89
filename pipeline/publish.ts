import { isCoverageGap } from '../core/coverage';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import type { CollectionError } from '../core/snapshot';
import { scopeLabel, type Target, targetLabel } from '../core/target';
import { findingsJsonEncoder, parseFindingsJson } from '../outputs/findings-json';
import { openObjectWriter } from '../outputs/object-writer';
import { targetOf } from '../outputs/securityhub-lifecycle';
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
  openSecurityHubSync,
  type SecurityHubDestination,
  type SyncOutcome,
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
 * run's findings. With a Security Hub destination, each scope is synced once its last part is
 * read (pipeline/securityhub-sync.ts).
 */
async function readRun(
  store: ObjectStore,
  run: RunRef,
  publishedAt: Date,
  deps: Pick<PublishDeps, 'mutelist' | 'logger' | 'securityHub'>,
  toSink: Sink,
): Promise<{
  discovered: DiscoverOutput;
  outcomes: TargetOutcome[];
  muting: ReturnType<Awaited<ReturnType<typeof openMuting>>['finish']>;
  securityHub?: SyncOutcome;
}> {
  const discovered = await readTargets(store, run);
  const { targets } = discovered;
  const hub = deps.securityHub
    ? await openSecurityHubSync({
        hub: deps.securityHub,
        store,
        logger: deps.logger,
        run,
        now: publishedAt,
        parts: partsOf(targets),
      })
    : undefined;
  // Muted before anything is written, so every format and Security Hub see the same results.
  const muting = await openMuting(run, deps.mutelist, deps.logger);
  const sink: Sink = async (batch, scopeOf) => {
    await toSink(batch, scopeOf);
    hub?.add(batch, scopeOf);
  };
  // Failed discovery calls are audit gaps of the scope they name, known before any target is
  // read: Security Hub gets them with that scope (written last, with the other gaps).
  const discoveryGaps = muting.mark(discoveryCoverage(discovered.errors ?? [], publishedAt));
  hub?.add(discoveryGaps, (f) => targetOf(f));
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
    await hub?.partRead(scope, outcome.status === 'ok');
  }
  // Targets without a readable result are audit gaps too: findings of the scope they name.
  const unread = muting.mark(
    unreadTargetCoverage(outcomes, (i) => failedGaps[i] ?? [], publishedAt),
  );
  if (unread.length + discoveryGaps.length > 0) {
    await toSink([...unread, ...discoveryGaps], (f) => targetOf(f));
    hub?.add(unread, (f) => targetOf(f));
  }
  const securityHub = await hub?.finish(completeScopes(outcomes, discovered.emptyScopes ?? []));
  return {
    discovered,
    outcomes,
    muting: muting.finish(),
    ...(securityHub ? { securityHub } : {}),
  };
}

/** How many parts (targets) each scope of the run was split into. */
function partsOf(targets: readonly Target[]): Map<string, number> {
  const parts = new Map<string, number>();
  for (const t of targets) parts.set(scopeLabel(t), (parts.get(scopeLabel(t)) ?? 0) + 1);
  return parts;
}

/**
 * What publish would import into Security Hub for a run, read from the store and the state,
 * with nothing imported and nothing written (`mk8s-audit publish --dry-run`).
 */
export async function planPublish(
  input: PublishInput,
  deps: PublishDeps & { securityHub: SecurityHubDestination },
): Promise<SyncOutcome> {
  const read = await readRun(
    deps.store,
    input.run,
    deps.clock(),
    { ...deps, securityHub: { ...deps.securityHub, dryRun: true } },
    async () => {},
  );
  if (!read.securityHub) throw new Error('the dry run had no Security Hub destination');
  return read.securityHub;
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

  let read: Awaited<ReturnType<typeof readRun>>;
  try {
    read = await readRun(deps.store, run, publishedAt, deps, async (batch) => {
      for (const f of batch) await merged.write(mergedJson.item(f));
      for (const f of batch) tally.add(f);
      await reports.add(batch);
    });
    await merged.write(mergedJson.end());
    await merged.end();
  } catch (error) {
    await merged.abort().catch(() => {});
    await reports.abort().catch(() => {});
    throw error;
  }
  const { discovered, outcomes, muting } = read;
  const securityHub: SecurityHubSummary = read.securityHub?.summary ?? { enabled: false };

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
  // An overlapping run wrote a scope's Security Hub state first, or a scope's state could not be
  // read: this run fails, after its summary.
  if (read.securityHub?.failure) throw read.securityHub.failure;
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
