import type { Logger } from '../core/logger';
import {
  emptyState,
  LEGACY_STATE_KEY,
  markLegacyStateMoved,
  readLegacyState,
  type ScopeState,
  type SecurityHubState,
  writeState,
} from '../outputs/securityhub-state';
import { WriteConflictError } from '../outputs/write-conflict';
import type { ObjectStore } from './types';

/** What became of a legacy state object this run found. */
export interface LegacySplit {
  /** Scopes whose entries it held. */
  scopes: number;
  /** Dry run: each scope's entries, planned from here since nothing is written. */
  byScope?: ReadonlyMap<string, ScopeState>;
}

function byScope(state: SecurityHubState): Map<string, ScopeState> {
  const scopes = new Map<string, ScopeState>();
  for (const [id, entry] of Object.entries(state.findings)) {
    let shard = scopes.get(entry.target);
    if (!shard) {
      const { runId, updatedAt } = state;
      shard = { ...emptyState(entry.target), runId, updatedAt };
      scopes.set(entry.target, shard);
    }
    shard.findings[id] = entry;
  }
  return scopes;
}

/**
 * Splits the whole-deployment state of earlier releases into one object per scope, once: each
 * scope's entries are written only where the scope has no object yet (one that exists was
 * written later), then the legacy object is replaced by a marker. This one run holds the whole
 * legacy state; the runs after it hold one scope's at a time. A dry run writes nothing.
 */
export async function splitLegacyState(
  store: ObjectStore,
  run: { runId: string; now: Date },
  dryRun: boolean,
  logger: Logger,
): Promise<LegacySplit | undefined> {
  const legacy = await readLegacyState(store);
  if (!legacy) return undefined;
  const scopes = byScope(legacy.state);
  if (dryRun) return { scopes: scopes.size, byScope: scopes };
  for (const state of scopes.values()) {
    try {
      await writeState(store, state, null);
    } catch (error) {
      if (!(error instanceof WriteConflictError)) throw error;
    }
  }
  // Another run that split it first wrote the same objects: its marker stands.
  try {
    await markLegacyStateMoved(store, legacy.version ?? '', run);
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
  }
  logger.info('Split the Security Hub state into one object per scope', {
    key: LEGACY_STATE_KEY,
    scopes: scopes.size,
    entries: Object.keys(legacy.state.findings).length,
  });
  return { scopes: scopes.size };
}
