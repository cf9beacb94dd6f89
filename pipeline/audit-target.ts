import * as z from 'zod';
import type { AnyCheck } from '../core/check';
import type { Collector, ListedClusters, TargetCollection } from '../core/collector';
import type { AuditConfig } from '../core/config';
import type { Finding } from '../core/finding';
import type { Logger } from '../core/logger';
import type { Cloud } from '../core/provider';
import { runChecks } from '../core/run-checks';
import type { ClusterSnapshot, CollectionError } from '../core/snapshot';
import { targetLabel } from '../core/target';
import { findingsJsonEncoder } from '../outputs/findings-json';
import { openObjectWriter } from '../outputs/object-writer';
import { toSnapshotFile } from '../providers/snapshot-file';
import { collectionCoverage, partErrors } from './coverage';
import { keys } from './keys';
import type { AuditTargetInput, ObjectStore, TargetResult } from './types';

export interface AuditTargetDeps {
  store: ObjectStore;
  /** The collector of each cloud this runner can reach; a cloud without one fails its targets. */
  collectors: Partial<Record<Cloud, Collector>>;
  checks: readonly AnyCheck[];
  config: AuditConfig;
  clock: () => Date;
  logger: Logger;
}

const errorOf = (operation: string, error: unknown): CollectionError => {
  const e = error instanceof Error ? error : new Error(String(error));
  return { operation, code: e.name && e.name !== 'Error' ? e.name : 'Error', message: e.message };
};

async function collect(
  input: AuditTargetInput,
  deps: AuditTargetDeps,
): Promise<TargetCollection | CollectionError> {
  const { target } = input;
  const collector = deps.collectors[target.cloud];
  if (!collector) {
    return {
      operation: 'mk8s-audit:Collect',
      code: 'NoCollector',
      message: `this runner has no ${target.cloud} collector, so ${targetLabel(target)} was not audited`,
    };
  }
  try {
    return await collector.collect(target, undefined, await listedFor(input, deps.store));
  } catch (error) {
    // A collector should record failures, not throw; if it does, only this target is lost.
    return errorOf('mk8s-audit:Collect', error);
  }
}

/** `JSON.stringify(toSnapshotFile(snapshots))` and a newline, one cluster at a time. */
function* snapshotPieces(snapshots: readonly ClusterSnapshot[]): Generator<string> {
  const head = JSON.stringify(toSnapshotFile([]));
  // `{"format":...,"version":1,"clusters":[` then the clusters, then `]}`.
  yield head.slice(0, -2);
  for (const [i, snapshot] of snapshots.entries()) {
    yield i === 0 ? JSON.stringify(snapshot) : `,${JSON.stringify(snapshot)}`;
  }
  yield ']}\n';
}

async function writePieces(
  store: ObjectStore,
  key: string,
  contentType: string,
  pieces: Iterable<string>,
): Promise<void> {
  const writer = openObjectWriter(store, key, contentType);
  try {
    for (const piece of pieces) await writer.write(piece);
    await writer.end();
  } catch (error) {
    await writer.abort().catch(() => {});
    throw error;
  }
}

/**
 * The cluster objects discover stored for a target that names its clusters (GKE, AKS), or
 * undefined: none stored (EKS lists names only), or unreadable, and the collector lists again.
 */
async function listedFor(
  input: AuditTargetInput,
  store: ObjectStore,
): Promise<ListedClusters | undefined> {
  if (input.target.clusters === undefined || input.target.cloud === 'aws') return undefined;
  try {
    const text = await store.get(keys.listed(input.run, input.target));
    const parsed = ListedClustersFile.safeParse(text === undefined ? undefined : JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const ListedClustersFile = z.strictObject({
  listedAt: z.iso.datetime({ offset: true }),
  clusters: z.array(z.unknown()),
});

/**
 * Step 2 of a run, once per target: collect with the target's collector, run every check, and
 * store the snapshot file, the target's findings and its result (written last, so a result
 * means the other two are there). A collector failure makes a failed target, never a crash.
 */
export async function auditTarget(
  input: AuditTargetInput,
  deps: AuditTargetDeps,
): Promise<{ resultKey: string; result: TargetResult }> {
  const { run, target } = input;
  const label = targetLabel(target);
  const collected = await collect(input, deps);
  const collection: TargetCollection =
    'snapshots' in collected ? collected : { target, snapshots: [], errors: [collected] };

  const errors = [...collection.errors, ...collection.snapshots.flatMap(partErrors)];
  const status: TargetResult['status'] =
    collection.snapshots.length === 0 && errors.length > 0
      ? 'failed'
      : errors.length > 0
        ? 'partial'
        : 'ok';

  const now = deps.clock();
  // Every cluster or target this collection could not audit (fully) is a finding of its own.
  const findings: Finding[] = [
    ...runChecks(deps.checks, collection.snapshots, { now, config: deps.config }),
    ...collectionCoverage(collection, now),
  ];

  const result: TargetResult = {
    run,
    target,
    status,
    clusters: collection.snapshots.length,
    findings: findings.length,
    snapshotKey: keys.snapshot(run, target),
    findingsKey: keys.targetFindings(run, target),
    errors,
  };
  const resultKey = keys.targetResult(run, target);
  const json = 'application/json';
  // Written a cluster and a finding at a time: a target's files are never one string in memory.
  await writePieces(deps.store, result.snapshotKey, json, snapshotPieces(collection.snapshots));
  const encoder = findingsJsonEncoder();
  await writePieces(deps.store, result.findingsKey, json, [
    ...findings.map((f) => encoder.item(f)),
    encoder.end(),
  ]);
  await deps.store.put(resultKey, `${JSON.stringify(result, null, 2)}\n`, json);

  const log = status === 'ok' ? deps.logger.info : deps.logger.warn;
  log.call(deps.logger, `Audited ${label}: ${status}`, {
    runId: run.runId,
    target: label,
    status,
    clusters: result.clusters,
    findings: result.findings,
    errors,
  });
  return { resultKey, result };
}
