import { describe, expect, it } from 'vitest';
import { eksCniPolicyOnNodeRole as check } from '../../../../checks/eks/eks-cni-policy-on-node-role';
import { collected } from '../../../../core/snapshot';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  evaluate,
} from '../../../builders/eks';
import { iamRole, roleExample } from '../../../builders/iam';

const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

function withNodeRole(names: string[]) {
  return eksSnapshot(describeClusterExample(), {
    nodegroups: collected(
      [describeNodegroupExample()],
      ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
    ),
    iamRoles: collected(
      [
        iamRole(
          roleExample('role-name', EC2_TRUST),
          names.map((n) => `arn:aws:iam::aws:policy/${n}`),
        ),
      ],
      ['iam:GetRole'],
    ),
  });
}

describe('eks-cni-policy-on-node-role', () => {
  it('passes a node role without the CNI policy', () => {
    const [result] = evaluate(
      check,
      withNodeRole(['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly']),
    );
    expect(result?.status).toBe('pass');
  });

  it('fails a node role holding AmazonEKS_CNI_Policy', () => {
    const [result] = evaluate(
      check,
      withNodeRole(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy']),
    );
    expect(result?.status).toBe('fail');
    expect(result?.evidence).toEqual([
      {
        path: 'parts.iamRoles.value[0].attachedPolicies[1].PolicyArn',
        value: 'arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
      },
    ]);
  });

  it('is unknown when node groups or roles were not collected', () => {
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
  });
});
