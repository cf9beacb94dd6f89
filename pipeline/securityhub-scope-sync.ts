import type { SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Logger } from '../core/logger';
import {
  type CurrentFinding,
  destinationKey,
  type ImportDestination,
  type LifecyclePlan,
  nextState,
  type PlannedImport,
  planLifecycle,
} from '../outputs/securityhub-lifecycle';
import {
  type ImportFailure,
  type ImportResult,
  importFindings,
} from '../outputs/securityhub-publisher';
import { readState, type ScopeState, writeState } from '../outputs/securityhub-state';
import type { TokenBucket } from '../outputs/token-bucket';
import { WriteConflictError } from '../outputs/write-conflict';
import type { SecurityHubDestination } from './securityhub-sync';
import type { ObjectStore, RunRef } from './types';

/** What the sync of one scope needs besides its findings, shared by all scopes of a run. */
export interface ScopeSyncContext {
  hub: SecurityHubDestination;
  store: ObjectStore;
  logger: Logger;
  run: RunRef;
  now: Date;
  /** The rate limiter of a destination: one per destination for the whole run. */
  bucket: (key: string) => TokenBucket;
  /** A dry run over a legacy state not yet split: its entries of each scope. */
  legacy?: ReadonlyMap<string, ScopeState>;
}

/** One scope of a run: its state as read and its plan against this run's findings. */
export interface ScopePlan {
  scope: string;
  state: ScopeState;
  /** The version a conditional write must still find (`null`: no object yet). */
  version: string | null;
  plan: LifecyclePlan;
}

/** Imports made to one destination, for every scope of a wave. */
export interface DestinationImport {
  dest: ImportDestination;
  imports: PlannedImport[];
  result?: ImportResult;
}

/** A scope's state after its imports: entries kept, and whether it was rewritten. */
export interface ScopeWrite {
  scope: string;
  /** Entries of the scope's state after the run (before it, if the state was not written). */
  entries: number;
  written: boolean;
  conflict?: WriteConflictError;
}

async function clientFor(
  hub: SecurityHubDestination,
  dest: ImportDestination,
): Promise<SecurityHubClient> {
  if (dest.account === hub.account && dest.region === hub.region) return hub.client;
  if (!hub.memberClient) {
    throw new Error(
      `no member-account client to import into ${dest.account}/${dest.region} (owner-account mode needs the member role)`,
    );
  }
  return hub.memberClient(dest.account, dest.region);
}

async function importTo(
  ctx: ScopeSyncContext,
  key: string,
  group: DestinationImport,
): Promise<ImportResult> {
  const { dest, imports } = group;
  try {
    const client = await clientFor(ctx.hub, dest);
    return await importFindings(
      client,
      imports.map((p) => p.asff),
      ctx.logger,
      { bucket: ctx.bucket(key), ...(ctx.hub.sleep ? { sleep: ctx.hub.sleep } : {}) },
    );
  } catch (error) {
    // No client for the destination (member role denied...): its findings all failed.
    const message = error instanceof Error ? error.message : String(error);
    ctx.logger.error('No Security Hub client for a destination', { destination: key, message });
    const failures: ImportFailure[] = imports.map((p) => ({ id: p.id, code: 'NoClient', message }));
    return {
      submitted: imports.length,
      imported: 0,
      failed: imports.length,
      calls: 0,
      retried: 0,
      accepted: new Set(),
      failures,
    };
  }
}

/**
 * Reads a scope's state and plans its lifecycle against this run's findings of the scope
 * (missing ones archived only when the scope is `complete`).
 */
export async function planScope(
  scope: string,
  current: readonly CurrentFinding[],
  complete: boolean,
  ctx: ScopeSyncContext,
): Promise<ScopePlan> {
  const legacy = ctx.legacy?.get(scope);
  const loaded = legacy ? { state: legacy, version: null } : await readState(ctx.store, scope);
  const plan = planLifecycle({
    state: loaded.state,
    current,
    completeTargets: new Set(complete ? [scope] : []),
    now: ctx.now,
    ...(ctx.hub.refreshAfterDays === undefined
      ? {}
      : { refreshAfterDays: ctx.hub.refreshAfterDays }),
  });
  return { scope, state: loaded.state, version: loaded.version, plan };
}

/**
 * The imports of several scopes' plans, sent together so each destination gets full calls of
 * 100 findings; destinations in parallel (their own account, Region and rate limit).
 */
export async function importPlans(
  plans: readonly ScopePlan[],
  ctx: ScopeSyncContext,
): Promise<DestinationImport[]> {
  const groups = new Map<string, DestinationImport>();
  for (const p of plans.flatMap((s) => s.plan.imports)) {
    const key = destinationKey(p.destination);
    const group = groups.get(key) ?? { dest: p.destination, imports: [] };
    group.imports.push(p);
    groups.set(key, group);
  }
  if (!ctx.hub.dryRun) {
    await Promise.all(
      [...groups].map(async ([key, group]) => {
        group.result = await importTo(ctx, key, group);
      }),
    );
  }
  return [...groups.values()];
}

/**
 * Writes a scope's state after its imports (those Security Hub took), with a conditional
 * write; a state with nothing new is not rewritten. A lost race is returned, not thrown.
 */
export async function writeScope(
  planned: ScopePlan,
  accepted: (p: PlannedImport) => boolean,
  ctx: ScopeSyncContext,
): Promise<ScopeWrite> {
  const { scope, state, version } = planned;
  const before = Object.keys(state.findings).length;
  const unwritten: ScopeWrite = { scope, entries: before, written: false };
  if (ctx.hub.dryRun) return unwritten;
  const taken = planned.plan.imports.filter(accepted);
  const next = {
    ...nextState(state, taken, { runId: ctx.run.runId, now: ctx.now }),
    version: 2 as const,
    scope,
  };
  const after = Object.keys(next.findings).length;
  // Nothing taken and nothing expired: the stored state is still right.
  if (taken.length === 0 && after === before && (version !== null || after === 0)) {
    return unwritten;
  }
  try {
    await writeState(ctx.store, next, version);
    return { scope, entries: after, written: true };
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
    ctx.logger.error('The Security Hub state of a scope was not written: another run wrote it', {
      scope,
      message: error.message,
    });
    return { ...unwritten, conflict: error };
  }
}
