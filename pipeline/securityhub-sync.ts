import type { Partition, SecurityHubClient } from '@aws-sdk/client-securityhub';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import { productArn } from '../outputs/asff';
import {
  type CurrentFinding,
  destinationKey,
  type ImportDestination,
  type ImportKind,
  type LifecyclePlan,
  nextState,
  type PlannedImport,
  planLifecycle,
} from '../outputs/securityhub-lifecycle';
import {
  type ImportFailure,
  type ImportResult,
  importFindings,
  newImportBucket,
} from '../outputs/securityhub-publisher';
import {
  ImportDestination as ImportDestinationSchema,
  readState,
  SECURITY_HUB_STATE_KEY,
  writeState,
} from '../outputs/securityhub-state';
import type { TokenBucket } from '../outputs/token-bucket';
import { WriteConflictError } from '../outputs/write-conflict';
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
  state: { key: string; entries: number; written: boolean; error?: string };
  failures: ImportFailure[];
  failuresTruncated: boolean;
}

export interface SyncInput {
  run: RunRef;
  /** This run's findings with the target label each came from. */
  findings: readonly { finding: Finding; target: string }[];
  /** Targets whose collection completed (status ok): only they may archive. */
  completeTargets: ReadonlySet<string>;
  now: Date;
}

/** At most this many import failures are listed in the summary (all are counted and logged). */
const MAX_LISTED_FAILURES = 100;

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

/** The plan of a run: what it would import. Reads the state; writes nothing. */
export async function planSecurityHub(
  input: SyncInput,
  hub: SecurityHubDestination,
  store: ObjectStore,
): Promise<{
  plan: LifecyclePlan;
  version: string | null;
  previous: Awaited<ReturnType<typeof readState>>['state'];
}> {
  const loaded = await readState(store);
  const current: CurrentFinding[] = input.findings.map(({ finding, target }) => ({
    finding,
    target,
    destination: destinationOf(finding, hub),
  }));
  const plan = planLifecycle({
    state: loaded.state,
    current,
    completeTargets: input.completeTargets,
    now: input.now,
    ...(hub.refreshAfterDays === undefined ? {} : { refreshAfterDays: hub.refreshAfterDays }),
  });
  return { plan, version: loaded.version, previous: loaded.state };
}

const zeroKinds = (): KindCounts => ({ new: 0, updated: 0, passed: 0, archived: 0, refreshed: 0 });

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

/**
 * The Security Hub part of publish: read the state, plan the lifecycle, import per destination
 * (one rate limiter each), then write the state with a conditional write. A lost write (another
 * run wrote the state meanwhile) is reported in the summary and thrown after it by the caller:
 * the other run's state stays whole, and this run's imports were idempotent upserts.
 */
export async function syncSecurityHub(
  input: SyncInput,
  hub: SecurityHubDestination,
  store: ObjectStore,
  logger: Logger,
): Promise<{ summary: SecurityHubRunSummary; plan: LifecyclePlan; conflict?: WriteConflictError }> {
  const { plan, version, previous } = await planSecurityHub(input, hub, store);
  if (plan.duplicateIds.length > 0) {
    logger.error('Several findings of this run share an id; only the first is imported', {
      ids: plan.duplicateIds.slice(0, 20),
      count: plan.duplicateIds.length,
    });
  }
  const kinds = zeroKinds();
  const byDest = new Map<string, { dest: ImportDestination; imports: PlannedImport[] }>();
  for (const p of plan.imports) {
    const key = destinationKey(p.destination);
    const group = byDest.get(key) ?? { dest: p.destination, imports: [] };
    group.imports.push(p);
    byDest.set(key, group);
  }
  const summary: SecurityHubRunSummary = {
    enabled: true,
    dryRun: hub.dryRun === true,
    mode: hub.mode ?? 'central',
    productArn: productArn(hub),
    region: hub.region,
    submitted: plan.imports.length,
    imported: 0,
    updated: 0,
    passed: 0,
    archived: 0,
    refreshed: 0,
    unchanged: plan.unchanged,
    unknownKept: plan.unknownKept,
    failed: 0,
    calls: 0,
    retried: 0,
    destinations: [],
    duplicateIds: plan.duplicateIds.slice(0, MAX_LISTED_FAILURES),
    state: {
      key: SECURITY_HUB_STATE_KEY,
      entries: Object.keys(previous.findings).length,
      written: false,
    },
    failures: [],
    failuresTruncated: false,
  };
  const failures: ImportFailure[] = [];
  const accepted: PlannedImport[] = [];

  if (hub.dryRun) {
    for (const p of plan.imports) kinds[p.kind] += 1;
    for (const { dest, imports } of byDest.values()) {
      summary.destinations.push({
        account: dest.account,
        region: dest.region,
        submitted: imports.length,
        accepted: 0,
        failed: 0,
        calls: 0,
      });
    }
  } else {
    // Destinations are independent (their own account, Region and rate limit): in parallel.
    const results = await Promise.all(
      [...byDest].map(async ([key, { dest, imports }]) => {
        let result: ImportResult;
        try {
          const client = await clientFor(hub, dest);
          result = await importFindings(
            client,
            imports.map((p) => p.asff),
            logger,
            {
              bucket: hub.bucketFor?.(key) ?? newImportBucket(),
              ...(hub.sleep ? { sleep: hub.sleep } : {}),
            },
          );
        } catch (error) {
          // No client for the destination (member role denied...): its findings all failed.
          const message = error instanceof Error ? error.message : String(error);
          logger.error('No Security Hub client for a destination', { destination: key, message });
          result = {
            submitted: imports.length,
            imported: 0,
            failed: imports.length,
            calls: 0,
            retried: 0,
            accepted: new Set(),
            failures: imports.map((p) => ({ id: p.id, code: 'NoClient', message })),
          };
        }
        return { dest, imports, result };
      }),
    );
    for (const { dest, imports, result } of results) {
      for (const p of imports) {
        if (result.accepted.has(p.asff.Id ?? '')) {
          accepted.push(p);
          kinds[p.kind] += 1;
        }
      }
      summary.failed += result.failed;
      summary.calls += result.calls;
      summary.retried += result.retried;
      failures.push(...result.failures);
      summary.destinations.push({
        account: dest.account,
        region: dest.region,
        submitted: imports.length,
        accepted: result.accepted.size,
        failed: result.failed,
        calls: result.calls,
      });
    }
  }
  summary.imported = kinds.new;
  summary.updated = kinds.updated;
  summary.passed = kinds.passed;
  summary.archived = kinds.archived;
  summary.refreshed = kinds.refreshed;
  summary.failures = failures.slice(0, MAX_LISTED_FAILURES);
  summary.failuresTruncated = failures.length > MAX_LISTED_FAILURES;

  if (hub.dryRun) return { summary, plan };
  const state = nextState(previous, accepted, { runId: input.run.runId, now: input.now });
  try {
    await writeState(store, state, version);
    summary.state = {
      key: SECURITY_HUB_STATE_KEY,
      entries: Object.keys(state.findings).length,
      written: true,
    };
    return { summary, plan };
  } catch (error) {
    if (!(error instanceof WriteConflictError)) throw error;
    logger.error('The Security Hub state was not written: another run wrote it meanwhile', {
      key: SECURITY_HUB_STATE_KEY,
      message: error.message,
    });
    summary.state = {
      key: SECURITY_HUB_STATE_KEY,
      entries: Object.keys(previous.findings).length,
      written: false,
      error: error.message,
    };
    return { summary, plan, conflict: error };
  }
}
