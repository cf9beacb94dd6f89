import { describe, expect, it } from 'vitest';
import { eksDeletionProtection as check } from '../../../../checks/eks/eks-deletion-protection';
import {
  clusterExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';

function withProtection(value: boolean) {
  const cluster = describeClusterExample();
  cluster.deletionProtection = value;
  return eksSnapshot(cluster);
}

describe('eks-deletion-protection', () => {
  it('passes when deletion protection is on', () => {
    const result = evaluateOne(check, withProtection(true));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([{ path: 'cluster.deletionProtection', value: true }]);
  });

  it('fails when deletion protection is off', () => {
    const result = evaluateOne(check, withProtection(false));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('deletionProtection=false');
  });

  it.each([['describe-cluster (2024)'], ['create-cluster.2.json']])(
    'is unknown for an export older than the field: %s',
    (which) => {
      const cluster =
        which === 'create-cluster.2.json'
          ? clusterExample('create-cluster.2.json')
          : describeClusterExample();
      const result = evaluateOne(check, eksSnapshot(cluster));
      expect(result.status).toBe('unknown');
      expect(result.evidence).toEqual([
        { path: 'cluster.deletionProtection', value: null, absent: true },
      ]);
    },
  );
});
