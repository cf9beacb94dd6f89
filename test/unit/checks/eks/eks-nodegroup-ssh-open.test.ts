import { describe, expect, it } from 'vitest';
import { eksNodegroupSshOpen as check } from '../../../../checks/eks/eks-nodegroup-ssh-open';
import { collected, failed } from '../../../../core/snapshot';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  eksSnapshotWithNodegroups,
  evaluate,
} from '../../../builders/eks';

function withRemoteAccess(sourceSecurityGroups?: string[]) {
  const nodegroup = describeNodegroupExample();
  nodegroup.remoteAccess = {
    ec2SshKey: 'my-key-pair',
    ...(sourceSecurityGroups ? { sourceSecurityGroups } : {}),
  };
  return nodegroup;
}

describe('eks-nodegroup-ssh-open', () => {
  it('passes the docs node group, which has no remote access', () => {
    const [result] = evaluate(check, eksSnapshotWithNodegroups([describeNodegroupExample()]));
    expect(result?.status).toBe('pass');
    expect(result?.subject?.name).toBe('my-eks-nodegroup');
    expect(result?.evidence).toEqual([
      { path: 'parts.nodegroups.value[0].remoteAccess.ec2SshKey', value: null, absent: true },
    ]);
  });

  it('fails a node group with an SSH key and no source security groups (port 22 open to 0.0.0.0/0)', () => {
    const results = evaluate(
      check,
      eksSnapshotWithNodegroups([describeNodegroupExample(), withRemoteAccess()]),
    );
    expect(results.map((r) => r.status)).toEqual(['pass', 'fail']);
    expect(results[1]?.message).toContain('0.0.0.0/0');
  });

  it('fails with an empty source security group list too', () => {
    const [result] = evaluate(check, eksSnapshotWithNodegroups([withRemoteAccess([])]));
    expect(result?.status).toBe('fail');
  });

  it('passes an SSH key limited to source security groups', () => {
    const [result] = evaluate(
      check,
      eksSnapshotWithNodegroups([withRemoteAccess(['sg-0c1327f6270afbb36'])]),
    );
    expect(result?.status).toBe('pass');
    expect(result?.message).toContain('sg-0c1327f6270afbb36');
  });

  it('is not applicable to a node group built from a launch template', () => {
    const nodegroup = describeNodegroupExample();
    nodegroup.launchTemplate = { id: 'lt-0123456789abcdef0', version: '1' };
    const [result] = evaluate(check, eksSnapshotWithNodegroups([nodegroup]));
    expect(result?.status).toBe('not_applicable');
  });

  it('is not applicable to a cluster without managed node groups', () => {
    const [result] = evaluate(check, eksSnapshotWithNodegroups([]));
    expect(result?.status).toBe('not_applicable');
  });

  it('is unknown, naming the call, when the node groups were not collected or failed', () => {
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
    const snapshot = eksSnapshot(describeClusterExample(), {
      nodegroups: failed([
        { operation: 'eks:ListNodegroups', code: 'AccessDeniedException', message: 'denied' },
      ]),
    });
    const [result] = evaluate(check, snapshot);
    expect(result?.status).toBe('unknown');
    expect(result?.message).toContain('eks:ListNodegroups failed with AccessDeniedException');
  });

  it('gives an unknown per node group whose DescribeNodegroup failed, beside the others', () => {
    const snapshot = eksSnapshot(describeClusterExample(), {
      nodegroups: collected(
        [describeNodegroupExample()],
        ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
        [
          {
            operation: 'eks:DescribeNodegroup',
            resource: 'ng-2',
            code: 'ThrottlingException',
            message: 'Rate exceeded',
          },
        ],
      ),
    });
    const results = evaluate(check, snapshot);
    expect(results.map((r) => r.status)).toEqual(['pass', 'unknown']);
    expect(results[1]?.subject?.name).toBe('ng-2');
  });
});
