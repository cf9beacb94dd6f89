import { describe, expect, it } from 'vitest';
import { eksHealthIssues as check } from '../../../../checks/eks/eks-health-issues';
import { failed } from '../../../../core/snapshot';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  eksSnapshotWithNodegroups,
  evaluate,
} from '../../../builders/eks';

describe('eks-health-issues', () => {
  it('passes the docs cluster and node group, whose issue lists are empty', () => {
    const results = evaluate(check, eksSnapshotWithNodegroups([describeNodegroupExample()]));
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass']);
    expect(results[0]?.subject).toBeUndefined();
    expect(results[1]?.subject).toMatchObject({ type: 'eks-nodegroup', name: 'my-eks-nodegroup' });
  });

  it('fails a cluster that reports an issue, quoting it', () => {
    const cluster = describeClusterExample();
    cluster.health = {
      issues: [
        {
          code: 'IamRoleNotFound',
          message: 'The cluster role was deleted.',
          resourceIds: ['eksctl-my-eks-cluster-cluster-ServiceRole-zMF6CBakwwbW'],
        },
      ],
    };
    const [result] = evaluate(check, eksSnapshot(cluster));
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('IamRoleNotFound: The cluster role was deleted.');
    expect(result?.evidence[0]?.path).toBe('cluster.health.issues');
  });

  it('fails a node group that reports an issue, as its own subject', () => {
    const nodegroup = describeNodegroupExample();
    nodegroup.health = {
      issues: [
        { code: 'AsgInstanceLaunchFailures', message: 'Could not launch On-Demand Instances.' },
      ],
    };
    const results = evaluate(
      check,
      eksSnapshotWithNodegroups([describeNodegroupExample(), nodegroup]),
    );
    expect(results.map((r) => r.status)).toEqual(['pass', 'pass', 'fail']);
    expect(results[2]?.evidence[0]?.path).toBe('parts.nodegroups.value[1].health.issues');
  });

  it('judges only the cluster when the input has no node groups', () => {
    expect(evaluate(check, eksSnapshot()).map((r) => r.status)).toEqual(['pass']);
  });

  it('adds an unknown naming the call when the node groups could not be listed', () => {
    const snapshot = eksSnapshot(describeClusterExample(), {
      nodegroups: failed([
        { operation: 'eks:ListNodegroups', code: 'AccessDeniedException', message: 'denied' },
      ]),
    });
    const results = evaluate(check, snapshot);
    expect(results.map((r) => r.status)).toEqual(['pass', 'unknown']);
    expect(results[1]?.message).toContain('eks:ListNodegroups');
    expect(results[1]?.subject?.type).toBe('eks-nodegroups');
  });

  it('is unknown when the export lacks health, which the API always returns', () => {
    const cluster = describeClusterExample();
    delete cluster.health;
    expect(evaluate(check, eksSnapshot(cluster))[0]?.status).toBe('unknown');
  });
});
