import { describe, expect, it } from 'vitest';
import { eksClusterRoleLeastPrivilege as check } from '../../../../checks/eks/eks-cluster-role-least-privilege';
import { collected } from '../../../../core/snapshot';
import type { EksIamRole } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';
import { iamRole, roleExample } from '../../../builders/iam';

const CLUSTER_ROLE = 'eksctl-my-eks-cluster-cluster-ServiceRole-zMF6CBakwwbW';
const EKS_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'eks.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

function withRole(attached: string[], inline: { name: string; document: object }[] = []) {
  const role: EksIamRole = iamRole(roleExample(CLUSTER_ROLE, EKS_TRUST), attached, inline);
  return eksSnapshot(describeClusterExample(), {
    iamRoles: collected(
      [role],
      ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies'],
    ),
  });
}

describe('eks-cluster-role-least-privilege', () => {
  it('passes a role with AmazonEKSClusterPolicy only', () => {
    const result = evaluateOne(check, withRole(['arn:aws:iam::aws:policy/AmazonEKSClusterPolicy']));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('AmazonEKSClusterPolicy');
  });

  it('passes the Auto Mode policies', () => {
    const auto = [
      'AmazonEKSClusterPolicy',
      'AmazonEKSComputePolicy',
      'AmazonEKSBlockStoragePolicy',
      'AmazonEKSLoadBalancingPolicy',
      'AmazonEKSNetworkingPolicy',
    ];
    expect(
      evaluateOne(check, withRole(auto.map((n) => `arn:aws:iam::aws:policy/${n}`))).status,
    ).toBe('pass');
  });

  it('fails extra attached policies (the docs SecurityAudit) and inline policies', () => {
    const result = evaluateOne(
      check,
      withRole(
        ['arn:aws:iam::aws:policy/AmazonEKSClusterPolicy', 'arn:aws:iam::aws:policy/SecurityAudit'],
        [{ name: 'ExamplePolicy', document: { Statement: [] } }],
      ),
    );
    expect(result.status).toBe('fail');
    expect(result.message).toContain('arn:aws:iam::aws:policy/SecurityAudit');
    expect(result.message).toContain('inline ExamplePolicy');
  });

  it('is unknown when the role was not collected', () => {
    expect(evaluateOne(check, eksSnapshot()).status).toBe('unknown');
  });
});
