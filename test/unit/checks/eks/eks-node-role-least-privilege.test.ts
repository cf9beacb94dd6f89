import { describe, expect, it } from 'vitest';
import { eksNodeRoleLeastPrivilege as check } from '../../../../checks/eks/eks-node-role-least-privilege';
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
const BASE = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEKS_CNI_Policy',
].map((n) => `arn:aws:iam::aws:policy/${n}`);

/** The docs node group (node role `role-name`) with that role's policies. */
function withNodeRole(attached: string[], inline: { name: string; document: object }[] = []) {
  return eksSnapshot(describeClusterExample(), {
    nodegroups: collected(
      [describeNodegroupExample()],
      ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
    ),
    iamRoles: collected(
      [iamRole(roleExample('role-name', EC2_TRUST), attached, inline)],
      ['iam:GetRole'],
    ),
  });
}

describe('eks-node-role-least-privilege', () => {
  it('passes the standard node policies, one outcome per role', () => {
    const results = evaluate(check, withNodeRole(BASE));
    expect(results).toHaveLength(1);
    expect(results[0]?.status).toBe('pass');
    expect(results[0]?.subject?.id).toBe('arn:aws:iam::111122223333:role/role-name');
  });

  it('fails AdministratorAccess and ECR PowerUser', () => {
    const [result] = evaluate(
      check,
      withNodeRole([
        ...BASE,
        'arn:aws:iam::aws:policy/AdministratorAccess',
        'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser',
      ]),
    );
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('AdministratorAccess, AmazonEC2ContainerRegistryPowerUser');
  });

  it('fails an inline policy allowing * on *', () => {
    const [result] = evaluate(
      check,
      withNodeRole(BASE, [
        {
          name: 'everything',
          document: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
        },
      ]),
    );
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('inline everything');
  });

  it('is unknown with a customer managed policy whose document is not collected, or without the role', () => {
    expect(
      evaluate(check, withNodeRole([...BASE, 'arn:aws:iam::111122223333:policy/custom']))[0]
        ?.status,
    ).toBe('unknown');
    const noRoles = eksSnapshot(describeClusterExample(), {
      nodegroups: collected(
        [describeNodegroupExample()],
        ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
      ),
    });
    expect(evaluate(check, noRoles)[0]?.status).toBe('unknown');
  });
});
