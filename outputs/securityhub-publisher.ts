import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { Logger } from '../core/logger';
import { TokenBucket } from './token-bucket';

/** Security Hub's BatchImportFindings limits (service model and partner guidelines). */
export const IMPORT_LIMITS = {
  findingsPerCall: 100,
  /** 6 MB per request; counted in bytes of the JSON body, with room for the envelope. */
  bytesPerCall: 6 * 1000 * 1000,
  /** 240 KB per finding. */
  bytesPerFinding: 240 * 1000,
  /** BatchImportFindings calls per second per account and Region (sustained). */
  callsPerSecond: 10,
} as const;

/** One finding Security Hub did not take, and why. */
export interface ImportFailure {
  id: string;
  code: string;
  message: string;
}

/** What an import did. */
export interface ImportCounts {
  /** Findings handed to the publisher. */
  submitted: number;
  /** Findings Security Hub accepted (sum of SuccessCount). */
  imported: number;
  /** Findings rejected in the end: FailedFindings, failed calls and findings over the size limit. */
  failed: number;
  /** BatchImportFindings calls made, retries included. */
  calls: number;
  /** Findings sent again after a FailedFindings entry that was not InvalidInput. */
  retried: number;
  failures: ImportFailure[];
}

export interface ImportResult extends ImportCounts {
  /** Ids Security Hub accepted. */
  accepted: Set<string>;
}

export interface ImportOptions {
  /** The rate limiter of the destination (one per account and Region); default 10/s, 10 at once. */
  bucket?: TokenBucket;
  /** Rounds of re-sending findings that failed with a code other than InvalidInput (default 4). */
  maxFindingRetries?: number;
  /** Backoff before retry round n (1-based); default 250 ms × 2^(n-1), up to 4 s, with jitter. */
  backoffMs?: (round: number) => number;
  sleep?: (ms: number) => Promise<void>;
}

const bytes = (f: AwsSecurityFinding) => Buffer.byteLength(JSON.stringify(f), 'utf8');

/**
 * Splits findings into BatchImportFindings calls of at most 100 findings and 6 MB. Findings over
 * 240 KB cannot be imported at all and are returned apart.
 */
export function planBatches(findings: readonly AwsSecurityFinding[]): {
  batches: AwsSecurityFinding[][];
  oversized: AwsSecurityFinding[];
} {
  const envelope = Buffer.byteLength('{"Findings":[]}');
  const batches: AwsSecurityFinding[][] = [];
  const oversized: AwsSecurityFinding[] = [];
  let current: AwsSecurityFinding[] = [];
  let size = envelope;
  for (const finding of findings) {
    const n = bytes(finding);
    if (n > IMPORT_LIMITS.bytesPerFinding) {
      oversized.push(finding);
      continue;
    }
    const full =
      current.length >= IMPORT_LIMITS.findingsPerCall || size + n + 1 > IMPORT_LIMITS.bytesPerCall;
    if (full && current.length > 0) {
      batches.push(current);
      current = [];
      size = envelope;
    }
    current.push(finding);
    size += n + 1;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}

/** The finding is wrong: sending it again cannot help (Security Hub user guide, FailedFindings). */
const PERMANENT_CODES = new Set(['InvalidInput']);

const defaultBackoff = (round: number) =>
  Math.min(4000, 250 * 2 ** (round - 1)) * (0.5 + Math.random() / 2);

export const newImportBucket = () =>
  new TokenBucket(IMPORT_LIMITS.callsPerSecond, IMPORT_LIMITS.callsPerSecond);

/**
 * Imports findings with BatchImportFindings: batches of at most 100 findings and 6 MB, each call
 * taking a token of the destination's bucket (≤10 calls/s). Throttled calls are retried by the
 * SDK (adaptive retry mode, set on the client). FailedFindings arrive inside a 200 answer and
 * the SDK does not retry them: each is logged with its code; InvalidInput is final, any other
 * code is sent again after a backoff, up to `maxFindingRetries` rounds. A call that fails as a
 * whole (after the SDK's retries) counts its findings as failed and the import goes on with the
 * next batch, so one bad call never loses the rest.
 */
export async function importFindings(
  client: SecurityHubClient,
  findings: readonly AwsSecurityFinding[],
  logger: Logger,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const bucket = opts.bucket ?? newImportBucket();
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const backoff = opts.backoffMs ?? defaultBackoff;
  const maxRounds = opts.maxFindingRetries ?? 4;
  const result: ImportResult = {
    submitted: findings.length,
    imported: 0,
    failed: 0,
    calls: 0,
    retried: 0,
    failures: [],
    accepted: new Set(),
  };
  const fail = (failure: ImportFailure) => {
    result.failed += 1;
    result.failures.push(failure);
    logger.error('Security Hub did not import a finding', { ...failure });
  };
  const { batches, oversized } = planBatches(findings);
  for (const f of oversized) {
    fail({
      id: f.Id ?? '',
      code: 'FindingTooLarge',
      message: `The finding is ${bytes(f)} bytes; Security Hub takes at most ${IMPORT_LIMITS.bytesPerFinding}.`,
    });
  }

  let pending = batches.flat();
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) {
      result.retried += pending.length;
      await sleep(backoff(round));
    }
    const last = round >= maxRounds;
    const again: AwsSecurityFinding[] = [];
    const byId = new Map(pending.map((f) => [f.Id ?? '', f]));
    for (const batch of round === 0 ? batches : planBatches(pending).batches) {
      await bucket.take();
      result.calls += 1;
      try {
        const out = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
        result.imported += out.SuccessCount ?? 0;
        const failedIds = new Set<string>();
        for (const f of out.FailedFindings ?? []) {
          const id = f.Id ?? '';
          failedIds.add(id);
          const failure = { id, code: f.ErrorCode ?? 'Unknown', message: f.ErrorMessage ?? '' };
          const finding = byId.get(id);
          if (!last && finding && !PERMANENT_CODES.has(failure.code)) {
            logger.warn('Security Hub did not import a finding; it is sent again', failure);
            again.push(finding);
          } else fail(failure);
        }
        for (const f of batch) if (!failedIds.has(f.Id ?? '')) result.accepted.add(f.Id ?? '');
        // A count the service reports without an entry still counts.
        const unlisted = (out.FailedCount ?? 0) - (out.FailedFindings?.length ?? 0);
        if (unlisted > 0) result.failed += unlisted;
      } catch (error) {
        const e = error instanceof Error ? error : new Error(String(error));
        logger.error('BatchImportFindings call failed', {
          findings: batch.length,
          code: e.name,
          message: e.message,
        });
        for (const f of batch) fail({ id: f.Id ?? '', code: e.name, message: e.message });
      }
    }
    pending = again;
  }
  logger.info('Security Hub import done', {
    submitted: result.submitted,
    imported: result.imported,
    failed: result.failed,
    calls: result.calls,
    retried: result.retried,
  });
  return result;
}
