import { describe, expect, it } from 'vitest';
import { eksNodegroupVersionSkew as check } from '../../../../checks/eks/eks-nodegroup-version-skew';
import { AuditConfig } from '../../../../core/config';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  eksSnapshotWithNodegroups,
  evalContext,
  evaluate,
} from '../../../builders/eks';

function clusterOn(version: string) {
  const cluster = describeClusterExample();
  cluster.version = version;
  return cluster;
}

describe('eks-nodegroup-version-skew', () => {
  it('passes the docs node group, on the docs cluster version 1.26', () => {
    const [result] = evaluate(check, eksSnapshotWithNodegroups([describeNodegroupExample()]));
    expect(result?.status).toBe('pass');
    expect(result?.evidence).toEqual([
      { path: 'cluster.version', value: '1.26' },
      { path: 'parts.nodegroups.value[0].version', value: '1.26' },
    ]);
  });

  it('fails a node group left behind a control-plane upgrade', () => {
    const [result] = evaluate(
      check,
      eksSnapshotWithNodegroups([describeNodegroupExample()], clusterOn('1.28')),
    );
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('2 minor version(s) behind the control plane 1.28');
  });

  it('compares minor versions numerically (1.9 is behind 1.10)', () => {
    const nodegroup = describeNodegroupExample();
    nodegroup.version = '1.9';
    const [result] = evaluate(check, eksSnapshotWithNodegroups([nodegroup], clusterOn('1.10')));
    expect(result?.status).toBe('fail');
  });

  it('honours the configured allowed skew', () => {
    const ctx = {
      ...evalContext(),
      config: AuditConfig.parse({ eks: { nodegroupMaxMinorSkew: 2 } }),
    };
    const snapshot = eksSnapshotWithNodegroups([describeNodegroupExample()], clusterOn('1.28'));
    expect(evaluate(check, snapshot, ctx)[0]?.status).toBe('pass');
    const further = eksSnapshotWithNodegroups([describeNodegroupExample()], clusterOn('1.29'));
    expect(evaluate(check, further, ctx)[0]?.status).toBe('fail');
  });

  it('is unknown for a node group without a version, and when node groups were not collected', () => {
    const nodegroup = describeNodegroupExample();
    delete nodegroup.version;
    expect(evaluate(check, eksSnapshotWithNodegroups([nodegroup]))[0]?.status).toBe('unknown');
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
  });
});
