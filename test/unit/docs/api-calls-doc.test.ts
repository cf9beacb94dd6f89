import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { AWS_COLLECTOR_ACTIONS } from '../../../providers/aws/permissions';
import { CALL_PLANS, checksNeeding, renderApiCallsDoc } from '../../../scripts/api-calls-doc';

const root = join(import.meta.dirname, '..', '..', '..');

/** Calls made besides filling the parts: credentials, and the cluster listings of GKE and AKS. */
const BESIDES_PARTS: Record<string, readonly string[]> = {
  eks: ['sts:GetCallerIdentity', 'sts:AssumeRole'],
  gke: ['container:projects.locations.clusters.list'],
  aks: ['containerservice:ManagedClusters.List'],
};

describe('docs/api-calls.md and the call plans', () => {
  it('is generated from the call plans and the checks (npm run catalog)', () => {
    expect(
      readFileSync(join(root, 'docs', 'api-calls.md'), 'utf8'),
      'docs/api-calls.md is stale: run `npm run catalog` and commit the result',
    ).toBe(renderApiCallsDoc(ALL_CHECKS));
  });

  it('plans every operation that fills a part, and nothing else', () => {
    for (const cloud of CALL_PLANS) {
      const planned = cloud.plan.map((c) => c.operation);
      expect(new Set(planned).size, `${cloud.provider}: an operation planned twice`).toBe(
        planned.length,
      );
      const filling = new Set([
        ...Object.values(cloud.parts).flat(),
        ...(BESIDES_PARTS[cloud.provider] ?? []),
      ]);
      expect([...planned].sort(), cloud.provider).toEqual([...filling].sort());
    }
  });

  it('plans every AWS action the member role grants the collector', () => {
    const [aws] = CALL_PLANS;
    const planned = new Set(aws?.plan.map((c) => c.operation));
    for (const action of Object.values(AWS_COLLECTOR_ACTIONS).flat()) {
      expect(planned.has(action), action).toBe(true);
    }
  });

  it('serves every call a check reads, and every call is needed by some check', () => {
    for (const cloud of CALL_PLANS) {
      const served = new Set(cloud.plan.flatMap((c) => [c.operation, ...(c.serves ?? [])]));
      for (const check of ALL_CHECKS.filter((c) => c.meta.provider === cloud.provider)) {
        for (const read of check.meta.reads) {
          expect(served.has(read), `${check.meta.id} reads ${read}`).toBe(true);
        }
      }
      for (const call of cloud.plan) {
        if (call.operation.startsWith('sts:')) continue;
        expect(checksNeeding(call, cloud, ALL_CHECKS), call.operation).not.toEqual([]);
      }
    }
  });
});
