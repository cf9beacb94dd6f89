import { describe, expect, it } from 'vitest';
import { callsByOperation } from '../../../bench/operation-counts';
import { PublishJob, parsePublishMeasure } from '../../../bench/publish-child';

describe('callsByOperation', () => {
  it('sums each operation over its targets, sorted by operation', () => {
    expect(
      callsByOperation([
        { operation: 'sts:AssumeRole', target: '111122223333', count: 2 },
        { operation: 'securityhub:BatchImportFindings', target: '111122223333', count: 5 },
        { operation: 'securityhub:BatchImportFindings', target: '444455556666', count: 7 },
      ]),
    ).toEqual({ 'securityhub:BatchImportFindings': 12, 'sts:AssumeRole': 2 });
  });

  it('is empty without calls', () => {
    expect(callsByOperation([])).toEqual({});
  });
});

describe('parsePublishMeasure', () => {
  const measure = { seconds: 1.5, peakRssMb: 200, peakHeapMb: 90, startRssMb: 60, findings: 10 };

  it('takes the last JSON measure line, after any other output', () => {
    const out = `a warning\n{"not":"a measure"}\n${JSON.stringify({ ...measure, seconds: 1 })}\n${JSON.stringify(measure)}\n`;
    expect(parsePublishMeasure(out)).toEqual(measure);
  });

  it('keeps the Security Hub summary', () => {
    const securityHub = { enabled: true, imported: 3 };
    const out = `${JSON.stringify({ ...measure, securityHub })}\n`;
    expect(parsePublishMeasure(out).securityHub).toEqual(securityHub);
  });

  it('names the output when there is no measure', () => {
    expect(() => parsePublishMeasure('Error: boom\n{"seconds":"x"}')).toThrow(
      /printed no measure line.*Error: boom/s,
    );
  });
});

describe('PublishJob', () => {
  it('accepts a job without Security Hub and rejects a bad run id', () => {
    const job = {
      storeDir: '/tmp/store',
      run: { runId: 'r1', date: '2026-11-29' },
      now: '2026-11-29T08:00:00.000Z',
    };
    expect(PublishJob.parse(job)).toEqual(job);
    expect(
      PublishJob.safeParse({ ...job, run: { runId: 'a b', date: '2026-11-29' } }).success,
    ).toBe(false);
  });
});
