import { describe, expect, it } from 'vitest';
import { targetStatusSummary } from '../../../bench/target-status';
import type { CollectionError } from '../../../core/snapshot';
import type { Target } from '../../../core/target';
import type { TargetResult } from '../../../pipeline/types';

const run = { runId: 'r1', date: '2026-11-29' };

function result(
  target: Target,
  status: TargetResult['status'],
  errors: CollectionError[] = [],
): TargetResult {
  return {
    run,
    target,
    status,
    clusters: 2,
    findings: 10,
    snapshotKey: 's',
    findingsKey: 'f',
    errors,
  };
}

const notFound = (project: string): CollectionError => ({
  operation: 'compute:subnetworks.get',
  resource: `projects/${project}/regions/us-central1/subnetworks/default`,
  code: 'NOT_FOUND',
  message: `The resource 'projects/${project}/regions/us-central1/subnetworks/default' was not found`,
});
const denied: CollectionError = {
  operation: 'eks:DescribeNodegroup',
  code: 'AccessDeniedException',
  message: 'not authorized',
};

describe('targetStatusSummary', () => {
  it('counts targets by status and ranks failing operations by failed calls', () => {
    const summary = targetStatusSummary(
      [
        result({ cloud: 'gcp', project: 'p-one-1' }, 'partial', [
          notFound('p-one-1'),
          notFound('p-one-1'),
        ]),
        result({ cloud: 'gcp', project: 'p-two-2' }, 'partial', [notFound('p-two-2')]),
        result({ cloud: 'aws', account: '111122223333', region: 'eu-west-1' }, 'partial', [denied]),
        result({ cloud: 'aws', account: '111122223333', region: 'us-east-1' }, 'ok'),
        result({ cloud: 'azure', subscription: '00000000-0000-4000-8000-000000000001' }, 'failed', [
          { operation: 'containerservice:ListManagedClusters', code: '500', message: 'boom' },
        ]),
      ],
      6,
    );
    expect(summary).toEqual({
      ok: 1,
      partialTargets: 3,
      failed: 1,
      missing: 1,
      failingOperations: [
        {
          operation: 'compute:subnetworks.get',
          code: 'NOT_FOUND',
          calls: 3,
          targets: 2,
          message:
            "The resource 'projects/p-one-1/regions/us-central1/subnetworks/default' was not found",
        },
        {
          operation: 'containerservice:ListManagedClusters',
          code: '500',
          calls: 1,
          targets: 1,
          message: 'boom',
        },
        {
          operation: 'eks:DescribeNodegroup',
          code: 'AccessDeniedException',
          calls: 1,
          targets: 1,
          message: 'not authorized',
        },
      ],
    });
  });

  it('keeps the top operations only, and is all zero for a clean run', () => {
    const many = Array.from({ length: 4 }, (_, i) => ({ ...denied, operation: `eks:Op${i}` }));
    const partial = result(
      { cloud: 'aws', account: '111122223333', region: 'eu-west-1' },
      'partial',
      many,
    );
    expect(targetStatusSummary([partial], 1, 2).failingOperations.map((o) => o.operation)).toEqual([
      'eks:Op0',
      'eks:Op1',
    ]);
    const ok = result({ cloud: 'gcp', project: 'p-one-1' }, 'ok');
    expect(targetStatusSummary([ok], 1)).toEqual({
      ok: 1,
      partialTargets: 0,
      failed: 0,
      missing: 0,
      failingOperations: [],
    });
  });
});
