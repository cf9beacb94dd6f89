import {
  type AwsSecurityFinding,
  BatchImportFindingsCommand,
  type SecurityHubClient,
} from '@aws-sdk/client-securityhub';
import type { Logger } from '../core/logger';

/** Security Hub's BatchImportFindings limits (service model and partner guidelines). */
export const IMPORT_LIMITS = {
  findingsPerCall: 100,
  /** 6 MB per request; counted in bytes of the JSON body, with room for the envelope. */
  bytesPerCall: 6 * 1000 * 1000,
  /** 240 KB per finding. */
  bytesPerFinding: 240 * 1000,
} as const;

/** One finding Security Hub did not take, and why. */
export interface ImportFailure {
  id: string;
  code: string;
  message: string;
}

/** What an import did; written to `run-summary.json` under `securityHub`. */
export interface ImportCounts {
  /** Findings handed to the publisher. */
  submitted: number;
  /** Findings Security Hub accepted (sum of SuccessCount). */
  imported: number;
  /** Findings rejected: FailedFindings entries, failed calls and findings over the size limit. */
  failed: number;
  /** BatchImportFindings calls made. */
  calls: number;
  failures: ImportFailure[];
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

/**
 * Imports findings with BatchImportFindings, in batches. FailedFindings arrive inside a 200
 * answer and the SDK does not retry them: each one is logged and counted. A call that fails as
 * a whole (after the SDK's own retries) counts its findings as failed and the import goes on
 * with the next batch, so one bad call never loses the rest.
 */
export async function importFindings(
  client: SecurityHubClient,
  findings: readonly AwsSecurityFinding[],
  logger: Logger,
): Promise<ImportCounts> {
  const counts: ImportCounts = {
    submitted: findings.length,
    imported: 0,
    failed: 0,
    calls: 0,
    failures: [],
  };
  const fail = (failure: ImportFailure) => {
    counts.failed += 1;
    counts.failures.push(failure);
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
  for (const batch of batches) {
    counts.calls += 1;
    try {
      const out = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
      counts.imported += out.SuccessCount ?? 0;
      for (const f of out.FailedFindings ?? []) {
        fail({ id: f.Id ?? '', code: f.ErrorCode ?? 'Unknown', message: f.ErrorMessage ?? '' });
      }
      // A count the service reports without an entry still counts.
      const unlisted = (out.FailedCount ?? 0) - (out.FailedFindings?.length ?? 0);
      if (unlisted > 0) counts.failed += unlisted;
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
  logger.info('Security Hub import done', {
    submitted: counts.submitted,
    imported: counts.imported,
    failed: counts.failed,
    calls: counts.calls,
  });
  return counts;
}
