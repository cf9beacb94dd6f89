import { describe, expect, it } from 'vitest';
import { eksNodeRoleLeastPrivilege as check } from '../../../../checks/eks/eks-node-role-least-privilege';
import { collected, failed } from '../../../../core/snapshot';
import type { EksIamRole, EksParts } from '../../../../core/snapshot-eks';
import {
  describeClusterExample,
  describeFargateProfileExample,
  describeNodegroupExample,
  eksSnapshot,
  evaluate,
} from '../../../builders/eks';
import { customerPolicy, iamRole, iamRoleWithCustomer, roleExample } from '../../../builders/iam';

const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};
const FARGATE_TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'eks-fargate-pods.amazonaws.com' },
      Action: 'sts:AssumeRole',
    },
  ],
};
const BASE = [
  'AmazonEKSWorkerNodePolicy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AmazonEKS_CNI_Policy',
].map((n) => `arn:aws:iam::aws:policy/${n}`);
/** The docs Fargate profile's pod execution role. */
const FARGATE_ROLE = describeFargateProfileExample().podExecutionRoleArn ?? '';
const FARGATE_ROLE_NAME = FARGATE_ROLE.slice(FARGATE_ROLE.lastIndexOf('/') + 1);
const PARTS = { operations: ['iam:GetRole'] };

/** The docs node group (node role `role-name`) and, by default, no Fargate profiles. */
function snapshotWith(roles: EksIamRole[], parts: Partial<EksParts> = {}) {
  return eksSnapshot(describeClusterExample(), {
    nodegroups: collected(
      [describeNodegroupExample()],
      ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
    ),
    fargateProfiles: collected([], ['eks:ListFargateProfiles']),
    iamRoles: collected(roles, PARTS.operations),
    ...parts,
  });
}
function withNodeRole(attached: string[], inline: { name: string; document: object }[] = []) {
  return snapshotWith([iamRole(roleExample('role-name', EC2_TRUST), attached, inline)]);
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

  it('reads customer managed policy documents: a narrow one passes, iam:* on * fails', () => {
    const logs = customerPolicy('node-logs', {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:PutLogEvents'],
          Resource: 'arn:aws:logs:us-east-2:111122223333:log-group:/nodes:*',
        },
      ],
    });
    const iamAll = customerPolicy('iam-everything', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }],
    });
    const role = roleExample('role-name', EC2_TRUST);
    const [passing] = evaluate(check, snapshotWith([iamRoleWithCustomer(role, BASE, [logs])]));
    expect(passing?.status).toBe('pass');
    const [failing] = evaluate(
      check,
      snapshotWith([iamRoleWithCustomer(role, BASE, [logs, iamAll])]),
    );
    expect(failing?.status).toBe('fail');
    expect(failing?.message).toContain('iam-everything (customer managed');
    expect(failing?.evidence[0]?.path).toBe('parts.iamRoles.value[0].customerPolicies[1].document');
  });

  it('judges the Fargate pod execution role as well, by its own subject', () => {
    const everything = customerPolicy('ci-deploy-everything', {
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    });
    const fargateRole = {
      ...roleExample(FARGATE_ROLE_NAME, FARGATE_TRUST),
      Arn: FARGATE_ROLE,
    };
    const results = evaluate(
      check,
      snapshotWith(
        [
          iamRole(roleExample('role-name', EC2_TRUST), BASE),
          iamRoleWithCustomer(
            fargateRole,
            ['arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy'],
            [everything],
          ),
        ],
        {
          fargateProfiles: collected(
            [describeFargateProfileExample()],
            ['eks:ListFargateProfiles', 'eks:DescribeFargateProfile'],
          ),
        },
      ),
    );
    expect(results.map((r) => [r.subject?.name, r.status])).toEqual([
      ['role-name', 'pass'],
      [FARGATE_ROLE_NAME, 'fail'],
    ]);
    expect(results[1]?.message).toContain('Fargate pod execution role');
    expect(results[1]?.message).toContain('Fargate profile my-fargate-profile');
  });

  it('is unknown naming the call when a customer managed policy could not be read', () => {
    const role = iamRole(roleExample('role-name', EC2_TRUST), [
      ...BASE,
      'arn:aws:iam::111122223333:policy/custom',
    ]);
    const snapshot = snapshotWith([], {
      iamRoles: collected([role], PARTS.operations, [
        {
          operation: 'iam:GetPolicyVersion',
          resource: 'arn:aws:iam::111122223333:policy/custom',
          code: 'AccessDenied',
          message: 'not authorized to perform: iam:GetPolicyVersion',
        },
      ]),
    });
    const [result] = evaluate(check, snapshot);
    expect(result?.status).toBe('unknown');
    expect(result?.message).toContain('iam:GetPolicyVersion failed with AccessDenied');
    // A snapshot from before policy documents were collected says so.
    expect(evaluate(check, snapshotWith([role]))[0]?.message).toContain('is not collected');
  });

  it('is unknown without the role, and only the Fargate part is unknown when it was denied', () => {
    const noRoles = eksSnapshot(describeClusterExample(), {
      nodegroups: collected(
        [describeNodegroupExample()],
        ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
      ),
      fargateProfiles: collected([], ['eks:ListFargateProfiles']),
    });
    expect(evaluate(check, noRoles)[0]?.status).toBe('unknown');
    const deniedFargate = snapshotWith([iamRole(roleExample('role-name', EC2_TRUST), BASE)], {
      fargateProfiles: failed([
        { operation: 'eks:ListFargateProfiles', code: 'AccessDeniedException', message: 'no' },
      ]),
    });
    const results = evaluate(check, deniedFargate);
    expect(results.map((r) => r.status)).toEqual(['pass', 'unknown']);
    expect(results[1]?.message).toContain('eks:ListFargateProfiles failed');
  });

  it('is not applicable when the cluster has no node groups, Fargate profiles or Auto Mode', () => {
    const none = eksSnapshot(describeClusterExample(), {
      nodegroups: collected([], ['eks:ListNodegroups']),
      fargateProfiles: collected([], ['eks:ListFargateProfiles']),
      iamRoles: collected([], PARTS.operations),
    });
    expect(evaluate(check, none).map((r) => r.status)).toEqual(['not_applicable']);
  });
});
