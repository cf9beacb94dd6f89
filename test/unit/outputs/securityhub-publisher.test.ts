import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../core/logger';
import { type AsffContext, toAsff } from '../../../outputs/asff';
import { IMPORT_LIMITS, importFindings, planBatches } from '../../../outputs/securityhub-publisher';
import { TokenBucket } from '../../../outputs/token-bucket';
import { eksFinding } from '../../builders/finding';
import { startFakeSecurityHub } from '../../helpers/securityhub-server';

const ctx: AsffContext = {
  account: '111122223333',
  region: 'eu-west-1',
  partition: 'aws',
  observedAt: new Date('2026-11-28T03:00:00Z'),
};

function asffFindings(n: number): AwsSecurityFinding[] {
  return Array.from({ length: n }, (_, i) =>
    toAsff(
      eksFinding({
        resourceId: `arn:aws:eks:us-west-2:012345678910:cluster/c${i}`,
        resourceName: `c${i}`,
      }),
      ctx,
    ),
  );
}

function recordingLogger() {
  const errors: { message: string; extra?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info() {},
    warn() {},
    error(message, extra) {
      errors.push(extra ? { message, extra } : { message });
    },
  };
  return { logger, errors };
}

describe('planBatches', () => {
  it('cuts 250 findings into 100 + 100 + 50', () => {
    const { batches, oversized } = planBatches(asffFindings(250));
    expect(batches.map((b) => b.length)).toEqual([100, 100, 50]);
    expect(oversized).toEqual([]);
  });

  it('cuts by size before count, and sets findings over 240 KB apart', () => {
    const big = (i: number): AwsSecurityFinding => ({
      ...asffFindings(1)[0]!,
      Id: `big-${i}`,
      Description: 'd'.repeat(200_000),
    });
    const huge: AwsSecurityFinding = {
      ...asffFindings(1)[0]!,
      Id: 'huge',
      Description: 'd'.repeat(300_000),
    };
    const { batches, oversized } = planBatches([
      ...Array.from({ length: 65 }, (_, i) => big(i)),
      huge,
    ]);
    expect(oversized.map((f) => f.Id)).toEqual(['huge']);
    for (const b of batches) {
      expect(Buffer.byteLength(JSON.stringify({ Findings: b }))).toBeLessThanOrEqual(
        IMPORT_LIMITS.bytesPerCall,
      );
    }
    expect(batches.flat()).toHaveLength(65);
    expect(batches.length).toBeGreaterThan(1);
  });
});

describe('importFindings', () => {
  it('imports 250 findings in 3 calls and counts and logs every FailedFindings entry', async () => {
    const findings = asffFindings(250);
    const rejected = new Set([findings[3]!.Id, findings[150]!.Id, findings[249]!.Id]);
    const hub = await startFakeSecurityHub({
      reject: (f) =>
        rejected.has(f.Id)
          ? { code: 'InvalidInput', message: 'Finding does not adhere to Amazon Finding Format.' }
          : undefined,
    });
    const { logger, errors } = recordingLogger();
    try {
      const counts = await importFindings(hub.client, findings, logger);
      expect(hub.calls.map((c) => c.length)).toEqual([100, 100, 50]);
      expect(counts).toMatchObject({ submitted: 250, imported: 247, failed: 3, calls: 3 });
      expect(counts.failures.map((f) => f.id).sort()).toEqual([...rejected].sort());
      expect(counts.failures.every((f) => f.code === 'InvalidInput')).toBe(true);
      expect(errors.filter((e) => e.extra?.['code'] === 'InvalidInput')).toHaveLength(3);
    } finally {
      await hub.close();
    }
  });

  it('counts the findings of a call that fails as a whole and goes on with the next call', async () => {
    const hub = await startFakeSecurityHub({
      failCall: (n) =>
        n === 0
          ? { status: 403, type: 'AccessDeniedException', message: 'not allowed' }
          : undefined,
    });
    const { logger } = recordingLogger();
    try {
      const counts = await importFindings(hub.client, asffFindings(150), logger);
      expect(counts).toMatchObject({ submitted: 150, imported: 50, failed: 100, calls: 2 });
      expect(counts.failures[0]).toMatchObject({ code: 'AccessDeniedException' });
    } finally {
      await hub.close();
    }
  });

  it('makes no call for no findings', async () => {
    const hub = await startFakeSecurityHub();
    try {
      const counts = await importFindings(hub.client, [], recordingLogger().logger);
      expect(counts).toEqual({
        submitted: 0,
        imported: 0,
        failed: 0,
        calls: 0,
        retried: 0,
        failures: [],
        accepted: new Set(),
      });
      expect(hub.calls).toEqual([]);
    } finally {
      await hub.close();
    }
  });

  it('sends again, after a backoff, findings that failed with a code other than InvalidInput', async () => {
    const findings = asffFindings(120);
    const flaky = new Map([
      [findings[5]?.Id, 2],
      [findings[110]?.Id, 1],
    ]);
    const hub = await startFakeSecurityHub({
      reject: (f) => {
        if (f.Id === findings[7]?.Id) return { code: 'InvalidInput', message: 'too long' };
        const left = flaky.get(f.Id) ?? 0;
        if (left === 0) return undefined;
        flaky.set(f.Id, left - 1);
        return { code: 'InternalFailure', message: 'try again' };
      },
    });
    const sleeps: number[] = [];
    const { logger, errors } = recordingLogger();
    try {
      const counts = await importFindings(hub.client, findings, logger, {
        sleep: async (ms) => {
          sleeps.push(ms);
        },
        backoffMs: (round) => 100 * round,
      });
      // 2 calls, then round 1 re-sends both flaky ones, round 2 the one still failing.
      expect(hub.calls.map((c) => c.length)).toEqual([100, 20, 2, 1]);
      expect(sleeps).toEqual([100, 200]);
      expect(counts).toMatchObject({
        submitted: 120,
        imported: 119,
        failed: 1,
        calls: 4,
        retried: 3,
      });
      expect(counts.accepted.size).toBe(119);
      expect(counts.accepted.has(findings[7]?.Id ?? '')).toBe(false);
      expect(counts.failures).toEqual([
        { id: findings[7]?.Id, code: 'InvalidInput', message: 'too long' },
      ]);
      expect(errors).toHaveLength(1);
    } finally {
      await hub.close();
    }
  });

  it('gives up on a finding that keeps failing after the last round, naming its last code', async () => {
    const findings = asffFindings(3);
    const hub = await startFakeSecurityHub({
      reject: (f) =>
        f.Id === findings[1]?.Id ? { code: 'InvalidAccess', message: 'not enabled' } : undefined,
    });
    try {
      const counts = await importFindings(hub.client, findings, recordingLogger().logger, {
        sleep: async () => {},
        maxFindingRetries: 2,
      });
      expect(hub.calls.map((c) => c.length)).toEqual([3, 1, 1]);
      expect(counts).toMatchObject({ imported: 2, failed: 1, calls: 3, retried: 2 });
      expect(counts.failures).toEqual([
        { id: findings[1]?.Id, code: 'InvalidAccess', message: 'not enabled' },
      ]);
    } finally {
      await hub.close();
    }
  });

  it('takes a token of the bucket for every call', async () => {
    const hub = await startFakeSecurityHub();
    let taken = 0;
    const bucket = new (class extends TokenBucket {
      override take() {
        taken += 1;
        return super.take();
      }
    })(1000, 1000);
    try {
      const counts = await importFindings(hub.client, asffFindings(250), recordingLogger().logger, {
        bucket,
      });
      expect(counts.calls).toBe(3);
      expect(taken).toBe(3);
    } finally {
      await hub.close();
    }
  });
});
