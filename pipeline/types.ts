import * as z from 'zod';
import { CollectionError } from '../core/snapshot';
import { Target } from '../core/target';

/**
 * The contract between the three steps of a run. Steps hand each other S3 keys, never the
 * data: Lambda (Step Functions) and the CLI (in-process) run exactly these steps.
 */

/** Identifies one audit run; `date` is the UTC day the run started. */
export const RunRef = z.strictObject({
  runId: z.string().regex(/^[A-Za-z0-9._-]{1,80}$/),
  date: z.iso.date(),
});
export type RunRef = z.infer<typeof RunRef>;

/** Output of `discover`: the run and its targets (also stored at `targetsKey`). */
export const DiscoverOutput = z.strictObject({
  run: RunRef,
  targetsKey: z.string(),
  targets: z.array(Target),
  /**
   * Discovery calls that failed (an account whose enabled regions could not be listed...): the
   * targets they would have produced are missing from this run, and the run summary says so.
   */
  errors: z.array(CollectionError).optional(),
  /**
   * Scopes (`scopeLabel`) whose clusters were listed and that have none: no target, and complete
   * for the Security Hub lifecycle (findings of their deleted clusters are archived).
   */
  emptyScopes: z.array(z.string()).optional(),
});
export type DiscoverOutput = z.infer<typeof DiscoverOutput>;

/** Input of `audit-target`: one Distributed Map item. */
export const AuditTargetInput = z.strictObject({ run: RunRef, target: Target });
export type AuditTargetInput = z.infer<typeof AuditTargetInput>;

/**
 * What `audit-target` stores at `resultKey` (and returns): ok = everything collected,
 * partial = some calls failed (named in `errors` and in the snapshots), failed = nothing audited.
 */
export const TargetResult = z.strictObject({
  run: RunRef,
  target: Target,
  status: z.enum(['ok', 'partial', 'failed']),
  clusters: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  snapshotKey: z.string(),
  findingsKey: z.string(),
  errors: z.array(CollectionError),
});
export type TargetResult = z.infer<typeof TargetResult>;

export const AuditTargetOutput = z.strictObject({ resultKey: z.string() });
export type AuditTargetOutput = z.infer<typeof AuditTargetOutput>;

/**
 * Input of `publish`: the run. Publish reads `targets.json` and every target's result; a
 * discovered target without a result (its Lambda failed after retries) is a failed target.
 */
export const PublishInput = z.strictObject({ run: RunRef });
export type PublishInput = z.infer<typeof PublishInput>;

/**
 * One object written in pieces (`ObjectStore.openWrite`): nothing is visible at the key until
 * `end` resolves, and `abort` leaves the key as it was.
 */
export interface ObjectWriter {
  write(chunk: string): Promise<void>;
  end(): Promise<void>;
  abort(): Promise<void>;
}

/** Where a run's objects live in the findings bucket (and under a local `--out`). */
export interface ObjectStore {
  put(key: string, body: string, contentType: string): Promise<void>;
  /**
   * Writes `key` from pieces, so a run's merged files (larger than a Lambda should hold as one
   * string) are never whole in memory. Absent: `openObjectWriter` joins the pieces and `put`s.
   */
  openWrite?(key: string, contentType: string): ObjectWriter;
  /** The object's text, or `undefined` when there is no such key. */
  get(key: string): Promise<string | undefined>;
  /**
   * The object's text in pieces as it is read, or `undefined` when there is no such key: for
   * objects larger than a Lambda should hold as one string (earlier runs' `findings.json`).
   * Absent: `readText` gets the object whole.
   */
  getStream?(key: string): Promise<AsyncIterable<string> | undefined>;
  /** Every key under the prefix. */
  list(prefix: string): Promise<string[]>;
  /**
   * The object's text and version (S3: its ETag), or `undefined` when there is no such key. With
   * `putIfVersion`, for objects that successive runs update (the Security Hub state).
   */
  getVersioned?(key: string): Promise<{ body: string; version: string } | undefined>;
  /**
   * Writes only if the object still has `expected` (a version from `getVersioned`), or, with
   * `null`, only if it does not exist; otherwise throws `WriteConflictError` (outputs/write-conflict.ts).
   */
  putIfVersion?(
    key: string,
    body: string,
    contentType: string,
    expected: string | null,
  ): Promise<void>;
}
