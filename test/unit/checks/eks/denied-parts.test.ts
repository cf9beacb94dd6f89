import { describe, expect, it } from 'vitest';
import { EKS_CHECKS } from '../../../../checks/eks';
import { failed } from '../../../../core/snapshot';
import { EKS_PART_NAMES } from '../../../../providers/aws/eks-parts';
import {
  describeClusterExample,
  eksSnapshot,
  encryptionConfigExample,
  evaluate,
} from '../../../builders/eks';

/** Every part a check may read; each one denied, as a collector records an AccessDenied answer. */
const PART_NAMES = EKS_PART_NAMES;

/** Checks that still decide from DescribeCluster (or the dated calendar) when the other calls fail. */
const DECIDE_WITHOUT_PARTS = new Set([
  'eks-audit-logging',
  'eks-authentication-mode',
  'eks-bootstrap-creator-admin',
  'eks-cluster-tagged',
  'eks-control-plane-logging-types',
  'eks-deletion-protection',
  'eks-endpoint-private-access',
  'eks-endpoint-public-access',
  'eks-endpoint-public-cidrs-open',
  'eks-extended-support-policy',
  'eks-health-issues',
  'eks-secrets-encryption',
  'eks-supported-version',
]);

function deniedSnapshot() {
  const cluster = describeClusterExample();
  cluster.encryptionConfig = encryptionConfigExample();
  const parts = Object.fromEntries(
    PART_NAMES.map((name) => [
      name,
      failed([
        {
          operation: `test:Denied${name}`,
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ]),
    ]),
  );
  return eksSnapshot(cluster, parts);
}

describe('EKS checks when every related call was denied', () => {
  const snapshot = deniedSnapshot();
  it.each(EKS_CHECKS.map((c) => [c.meta.id, c] as const))(
    '%s does not throw, and without its data is unknown naming the call',
    (id, check) => {
      const outcomes = evaluate(check, snapshot);
      expect(outcomes.length).toBeGreaterThan(0);
      if (DECIDE_WITHOUT_PARTS.has(id)) return;
      for (const outcome of outcomes) {
        expect(outcome.status, outcome.message).toBe('unknown');
        expect(outcome.message).toMatch(/test:Denied\w+ failed with AccessDeniedException/);
      }
    },
  );
});
