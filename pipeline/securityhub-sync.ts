import type { Partition, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import {
  type CurrentFinding,
  destinationKey,
  type ImportDestination,
  type PlannedImport,
} from '../outputs/securityhub-lifecycle';
import { newImportBucket } from '../outputs/securityhub-publisher';
import { ImportDestination as ImportDestinationSchema } from '../outputs/securityhub-state';
import type { TokenBucket } from '../outputs/token-bucket';
import { splitLegacyState } from './securityhub-legacy-state';
import {
  importPlans,
  planScope,
  type ScopePlan,
  type ScopeSyncContext,
  writeScope,
} from './securityhub-scope-sync';
import { newTally, type SyncOutcome } from './securityhub-summary';

export type {
  KindCounts,
  PreviewedImport,
  SecurityHubRunSummary,
  StateSummary,
  SyncOutcome,
} from './securityhub-summary';

import type { ObjectStore, RunRef } from './types';

/**
 * `central`: every finding into the auditor account. `owner-account` (default): an EKS finding
 * into its cluster's own account and Region, through the member role, so Security Hub's
 * aggregation and per-account automation rules see it; GKE and AKS findings stay central (they
 * have no AWS account of their own).
 */
export type ImportMode = 'central' | 'owner-account';

/** Where findings are imported: the caller's own account (custom-integration product). */
export interface SecurityHubDestination {
  client: SecurityHubClient;
  account: string;
  region: string;
  partition: Partition;
  /** Default `central` here; the run configuration defaults to `owner-account`. */
  mode?: ImportMode;
  /**
   * A client acting in a member account (through the member role), for `owner-account`. An
   * account the auditor itself is in uses `client`.
   */
  memberClient?: (account: string, region: string) => Promise<SecurityHubClient>;
  /** Unchanged open findings are sent again after this many days (default 7). */
  refreshAfterDays?: number;
  /** Plan only: nothing is imported and the state is not written. */
  dryRun?: boolean;
  /** Rate limiter per destination; default one token bucket of 10/s each. */
  bucketFor?: (key: string) => TokenBucket;
  /** Backoff sleeps of FailedFindings retries (tests make them instant). */
  sleep?: (ms: number) => Promise<void>;
}

export interface SyncInput {
  run: RunRef;
  /** This run's findings with the target label each came from. */
  findings: readonly { finding: Finding; target: string }[];
  /** Targets whose collection completed (status ok): only they may archive. */
  completeTargets: ReadonlySet<string>;
  now: Date;
}

/**
 * A wave of scopes is sent once its scopes plan this many imports (10 full calls), or it holds
 * this many scopes: each holds its state and findings until its state is written.
 */
const WAVE_IMPORTS = 1_000;
const WAVE_SCOPES = 16;
const PARTITIONS = ImportDestinationSchema.shape.partition.options;
const partitionOf = (value: string | undefined): ImportDestination['partition'] | undefined =>
  PARTITIONS.find((p) => p === value);

/** Where a finding goes under the destination's mode. */
export function destinationOf(finding: Finding, hub: SecurityHubDestination): ImportDestination {
  const central: ImportDestination = {
    account: hub.account,
    region: hub.region,
    partition: partitionOf(hub.partition) ?? 'aws',
  };
  if ((hub.mode ?? 'central') === 'central' || finding.cloud !== 'aws') return central;
  const partition = partitionOf(/^arn:([a-z-]+):/.exec(finding.resourceId)?.[1]);
  return {
    account: finding.account,
    region: finding.region,
    partition: partition ?? central.partition,
  };
}

/**
 * Security Hub's part of publish, a few scopes at a time: the findings of a scope are kept until
 * its last part is read, then its state is read and its lifecycle planned. Planned scopes are
 * sent in waves (imports of several scopes together, so each destination gets full calls of 100
 * findings), after which each scope's state is written; one wave is sent while the next fills.
 * Findings that arrive for a scope already planned (coverage findings made after reading) are
 * synced last, on their own, without archiving. Publish so holds a few scopes' states and
 * findings, not the deployment's.
 */
export interface SecurityHubSync {
  /** A batch of muted findings, each with its scope. */
  add(findings: readonly Finding[], scopeOf: (f: Finding, i: number) => string): void;
  /** One part of a scope was read, audited completely or not. */
  partRead(scope: string, ok: boolean): Promise<void>;
  /** Syncs what is left (findings made after reading, `completeScopes` with no part). */
  finish(completeScopes: ReadonlySet<string>): Promise<SyncOutcome>;
}

interface PendingScope {
  parts: number;
  ok: boolean;
  findings: CurrentFinding[];
}

export async function openSecurityHubSync(options: {
  hub: SecurityHubDestination;
  store: ObjectStore;
  logger: Logger;
  run: RunRef;
  now: Date;
  /** Parts of each scope this run audits. */
  parts: ReadonlyMap<string, number>;
}): Promise<SecurityHubSync> {
  const { hub, store, logger, run, now } = options;
  const legacy = await splitLegacyState(
    store,
    { runId: run.runId, now },
    hub.dryRun === true,
    logger,
  );
  const buckets = new Map<string, TokenBucket>();
  const ctx: ScopeSyncContext = {
    hub,
    store,
    logger,
    run,
    now,
    bucket(key) {
      let bucket = buckets.get(key);
      if (!bucket) {
        bucket = hub.bucketFor?.(key) ?? newImportBucket();
        buckets.set(key, bucket);
      }
      return bucket;
    },
    ...(legacy?.byScope ? { legacy: legacy.byScope } : {}),
  };
  const pending = new Map<string, PendingScope>(
    [...options.parts].map(([scope, parts]) => [scope, { parts, ok: true, findings: [] }]),
  );
  const late = new Map<string, CurrentFinding[]>();
  const tally = newTally(hub, logger, legacy?.scopes);
  let wave: ScopePlan[] = [];
  let waveImports = 0;
  let sending: Promise<void> = Promise.resolve();

  async function send(plans: readonly ScopePlan[]): Promise<void> {
    const destinations = await importPlans(plans, ctx);
    const accepted = new Map(
      destinations.map((d) => [destinationKey(d.dest), d.result?.accepted ?? new Set<string>()]),
    );
    const taken = (p: PlannedImport) =>
      accepted.get(destinationKey(p.destination))?.has(p.asff.Id ?? '') === true;
    for (const d of destinations) tally.destination(d, taken);
    await Promise.all(
      plans.map(async (planned) => {
        try {
          tally.written(await writeScope(planned, taken, ctx));
        } catch (error) {
          tally.error(planned.scope, error, 'writing');
        }
      }),
    );
  }

  /** Sends the wave once the one before it is sent: at most one sending, one filling. */
  async function flush(): Promise<void> {
    const plans = wave;
    wave = [];
    waveImports = 0;
    await sending;
    sending = plans.length > 0 ? send(plans) : Promise.resolve();
  }

  async function plan(scope: string, current: CurrentFinding[], complete: boolean) {
    try {
      const planned = await planScope(scope, current, complete, ctx);
      tally.planned(planned);
      wave.push(planned);
      waveImports += planned.plan.imports.length;
    } catch (error) {
      tally.error(scope, error, 'reading');
    }
    if (waveImports >= WAVE_IMPORTS || wave.length >= WAVE_SCOPES) await flush();
  }

  async function drain(): Promise<void> {
    await flush();
    await sending;
  }

  return {
    add(findings, scopeOf) {
      findings.forEach((finding, i) => {
        const scope = scopeOf(finding, i);
        const entry = { finding, target: scope, destination: destinationOf(finding, hub) };
        const open = pending.get(scope);
        if (open) open.findings.push(entry);
        else {
          const list = late.get(scope) ?? [];
          list.push(entry);
          late.set(scope, list);
        }
      });
    },
    async partRead(scope, ok) {
      const open = pending.get(scope);
      if (!open) return;
      open.parts -= 1;
      open.ok &&= ok;
      if (open.parts > 0) return;
      pending.delete(scope);
      await plan(scope, open.findings, open.ok);
    },
    async finish(completeScopes) {
      // A scope whose parts were not all read (none should be) archives nothing.
      for (const [scope, open] of pending) await plan(scope, open.findings, false);
      pending.clear();
      // Scopes discover found empty: whatever their state holds is archived.
      for (const scope of completeScopes) {
        if (!options.parts.has(scope) && !late.has(scope)) await plan(scope, [], true);
      }
      // Every scope's state is written before a scope is read again for its late findings.
      await drain();
      for (const [scope, current] of late) {
        await plan(scope, current, completeScopes.has(scope) && !options.parts.has(scope));
      }
      await drain();
      return tally.outcome();
    },
  };
}

/**
 * A whole run's findings at once through the per-scope sync (tests, the lifecycle benchmark):
 * each finding's `target` is its scope, and the scopes in `completeTargets` are complete.
 */
export async function syncSecurityHub(
  input: SyncInput,
  hub: SecurityHubDestination,
  store: ObjectStore,
  logger: Logger,
): Promise<SyncOutcome> {
  const byScope = new Map<string, Finding[]>();
  for (const { finding, target } of input.findings) {
    const list = byScope.get(target) ?? [];
    list.push(finding);
    byScope.set(target, list);
  }
  const parts = new Map([...byScope.keys()].map((scope) => [scope, 1]));
  const sync = await openSecurityHubSync({
    hub,
    store,
    logger,
    run: input.run,
    now: input.now,
    parts,
  });
  for (const [scope, findings] of byScope) {
    sync.add(findings, () => scope);
    await sync.partRead(scope, input.completeTargets.has(scope));
  }
  return sync.finish(input.completeTargets);
}
