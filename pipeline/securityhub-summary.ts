import type { Logger } from '../core/logger';
import { productArn } from '../outputs/asff';
import {
  destinationKey,
  type ImportKind,
  type PlannedImport,
} from '../outputs/securityhub-lifecycle';
import type { ImportFailure } from '../outputs/securityhub-publisher';
import { SECURITY_HUB_STATE_PREFIX } from '../outputs/securityhub-state';
import type { DestinationImport, ScopePlan, ScopeWrite } from './securityhub-scope-sync';
import type { ImportMode, SecurityHubDestination } from './securityhub-sync';

/**
 * The `securityHub` object of `run-summary.json`, added up scope by scope as publish syncs
 * them, and the first imports a dry run lists.
 */

/** Counts per kind of import, of findings Security Hub accepted (planned ones in a dry run). */
export type KindCounts = Record<ImportKind, number>;

/** The `securityHub` object of `run-summary.json` when import is on. */
export interface SecurityHubRunSummary {
  enabled: true;
  dryRun: boolean;
  mode: ImportMode;
  /** The central destination. */
  productArn: string;
  region: string;
  /** Imports planned by the lifecycle (findings handed to BatchImportFindings). */
  submitted: number;
  /** New findings accepted. */
  imported: number;
  updated: number;
  passed: number;
  archived: number;
  refreshed: number;
  /** Findings left as Security Hub has them (no difference, not due for refresh). */
  unchanged: number;
  /** `unknown` results over an earlier result, left as they were. */
  unknownKept: number;
  failed: number;
  calls: number;
  retried: number;
  destinations: {
    account: string;
    region: string;
    submitted: number;
    accepted: number;
    failed: number;
    calls: number;
  }[];
  duplicateIds: string[];
  state: StateSummary;
  failures: ImportFailure[];
  failuresTruncated: boolean;
}

/** The per-scope state objects this run read and wrote. */
export interface StateSummary {
  /** Where the scopes' objects are (`state/securityhub/`). */
  key: string;
  /** Scopes whose state this run read (every scope of the run, and those its coverage names). */
  scopes: number;
  /** Scopes whose state it rewrote (one with nothing new is left as it is). */
  written: number;
  /** Entries of those scopes' states after the run. */
  entries: number;
  /** Scopes whose state another, overlapping run wrote first: theirs stands. */
  conflicts: string[];
  /** Scopes that could not be synced (state unreadable or invalid), with why. */
  errors: { scope: string; message: string }[];
  /** Scopes split out of the legacy whole-deployment state by this run. */
  splitFromLegacy?: number;
}

/** At most this many import failures are listed in the summary (all are counted and logged). */
const MAX_LISTED_FAILURES = 100;
/** Imports a dry run lists. */
const PREVIEW_LENGTH = 50;

const zeroKinds = (): KindCounts => ({ new: 0, updated: 0, passed: 0, archived: 0, refreshed: 0 });

/** One import a dry run would make, as `mk8s-audit publish --dry-run` lists it. */
export interface PreviewedImport {
  id: string;
  kind: ImportKind;
  /** ARCHIVED, or the Compliance.Status sent. */
  status: string;
}

/** What a run did in Security Hub (or would do, dry): its summary, and the first imports. */
export interface SyncOutcome {
  summary: SecurityHubRunSummary;
  /** The first imports planned, in order (a dry run's listing). */
  preview: PreviewedImport[];
  /**
   * Thrown by the caller after the run's summary is written: an overlapping run wrote a scope's
   * state first, or a scope's state could not be read.
   */
  failure?: Error;
}

/** The run's summary, added up scope by scope. */
export function newTally(
  hub: SecurityHubDestination,
  logger: Logger,
  splitFromLegacy: number | undefined,
) {
  const kinds = zeroKinds();
  let failuresSeen = 0;
  const destinations = new Map<string, SecurityHubRunSummary['destinations'][number]>();
  const failures: ImportFailure[] = [];
  const preview: PreviewedImport[] = [];
  const duplicateIds: string[] = [];
  const errors: Error[] = [];
  const summary: SecurityHubRunSummary = {
    enabled: true,
    dryRun: hub.dryRun === true,
    mode: hub.mode ?? 'central',
    productArn: productArn(hub),
    region: hub.region,
    submitted: 0,
    imported: 0,
    updated: 0,
    passed: 0,
    archived: 0,
    refreshed: 0,
    unchanged: 0,
    unknownKept: 0,
    failed: 0,
    calls: 0,
    retried: 0,
    destinations: [],
    duplicateIds: [],
    state: {
      key: SECURITY_HUB_STATE_PREFIX,
      scopes: 0,
      written: 0,
      entries: 0,
      conflicts: [],
      errors: [],
      ...(splitFromLegacy === undefined ? {} : { splitFromLegacy }),
    },
    failures: [],
    failuresTruncated: false,
  };
  return {
    planned({ plan }: ScopePlan) {
      summary.state.scopes += 1;
      summary.submitted += plan.imports.length;
      summary.unchanged += plan.unchanged;
      summary.unknownKept += plan.unknownKept;
      duplicateIds.push(...plan.duplicateIds);
      for (const p of plan.imports) {
        if (preview.length >= PREVIEW_LENGTH) break;
        const status = p.asff.RecordState === 'ARCHIVED' ? 'ARCHIVED' : p.asff.Compliance?.Status;
        preview.push({ id: p.id, kind: p.kind, status: String(status) });
      }
      // A dry run counts what it would send; a real run what Security Hub took (below).
      if (summary.dryRun) for (const p of plan.imports) kinds[p.kind] += 1;
    },
    destination(
      { dest, imports, result }: DestinationImport,
      taken: (p: PlannedImport) => boolean,
    ) {
      const key = destinationKey(dest);
      const row = destinations.get(key) ?? {
        account: dest.account,
        region: dest.region,
        submitted: 0,
        accepted: 0,
        failed: 0,
        calls: 0,
      };
      row.submitted += imports.length;
      destinations.set(key, row);
      if (!result) return;
      for (const p of imports) if (taken(p)) kinds[p.kind] += 1;
      row.accepted += result.accepted.size;
      row.failed += result.failed;
      row.calls += result.calls;
      summary.failed += result.failed;
      summary.calls += result.calls;
      summary.retried += result.retried;
      failuresSeen += result.failures.length;
      failures.push(
        ...result.failures.slice(0, Math.max(0, MAX_LISTED_FAILURES - failures.length)),
      );
    },
    written(w: ScopeWrite) {
      summary.state.entries += w.entries;
      if (w.written) summary.state.written += 1;
      if (w.conflict) {
        summary.state.conflicts.push(w.scope);
        errors.push(w.conflict);
      }
    },
    error(scope: string, error: unknown, doing: 'reading' | 'writing') {
      const message = error instanceof Error ? error.message : String(error);
      logger.error(`The Security Hub state of a scope failed in ${doing}`, { scope, message });
      if (doing === 'reading') summary.state.scopes += 1;
      summary.state.errors.push({ scope, message });
      errors.push(error instanceof Error ? error : new Error(message));
    },
    outcome(): SyncOutcome {
      summary.imported = kinds.new;
      summary.updated = kinds.updated;
      summary.passed = kinds.passed;
      summary.archived = kinds.archived;
      summary.refreshed = kinds.refreshed;
      summary.destinations = [...destinations.values()];
      summary.duplicateIds = duplicateIds.slice(0, MAX_LISTED_FAILURES);
      summary.failures = failures;
      summary.failuresTruncated = failuresSeen > MAX_LISTED_FAILURES;
      if (duplicateIds.length > 0) {
        logger.error('Several findings of this run share an id; only the first is imported', {
          ids: duplicateIds.slice(0, 20),
          count: duplicateIds.length,
        });
      }
      return { summary, preview, ...(errors[0] ? { failure: errors[0] } : {}) };
    },
  };
}
