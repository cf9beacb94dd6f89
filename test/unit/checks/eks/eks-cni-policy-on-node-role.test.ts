import { describe, expect, it } from 'vitest';
import { eksCniPolicyOnNodeRole as check } from '../../../../checks/eks/eks-cni-policy-on-node-role';
import { collected, failed } from '../../../../core/snapshot';
import type { EksParts } from '../../../../core/snapshot-eks';
import {
  describeAddonExample,
  describeClusterExample,
  describeNodegroupExample,
  describePodIdentityAssociationExample,
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

function withNodeRole(names: string[], parts: Partial<EksParts> = {}) {
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
    ...parts,
  });
}

/** The docs Pod Identity association, for the VPC CNI's service account. */
function awsNodeAssociation() {
  return {
    ...describePodIdentityAssociationExample(),
    namespace: 'kube-system',
    serviceAccount: 'aws-node',
    roleArn: 'arn:aws:iam::111122223333:role/vpc-cni',
  };
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

  it("names the VPC CNI's own role from a Pod Identity association or the add-on's IRSA role", () => {
    const [viaPodIdentity] = evaluate(
      check,
      withNodeRole(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy'], {
        podIdentityAssociations: collected(
          [awsNodeAssociation()],
          ['eks:ListPodIdentityAssociations'],
        ),
      }),
    );
    expect(viaPodIdentity?.status).toBe('fail');
    expect(viaPodIdentity?.message).toContain(
      'already has its own Pod Identity role arn:aws:iam::111122223333:role/vpc-cni',
    );
    const cni = {
      ...describeAddonExample(),
      addonName: 'vpc-cni',
      serviceAccountRoleArn: 'arn:aws:iam::111122223333:role/cni-irsa',
    };
    const [viaIrsa] = evaluate(
      check,
      withNodeRole(['AmazonEKSWorkerNodePolicy'], {
        addons: collected([cni], ['eks:ListAddons']),
      }),
    );
    expect(viaIrsa?.status).toBe('pass');
    expect(viaIrsa?.message).toContain('own IRSA role arn:aws:iam::111122223333:role/cni-irsa');
    expect(viaIrsa?.evidence.at(-1)?.path).toBe('parts.addons.value[0].serviceAccountRoleArn');
  });

  it('still decides when the Pod Identity associations were denied', () => {
    const [result] = evaluate(
      check,
      withNodeRole(['AmazonEKS_CNI_Policy'], {
        podIdentityAssociations: failed([
          { operation: 'eks:ListPodIdentityAssociations', code: 'AccessDenied', message: 'no' },
        ]),
      }),
    );
    expect(result?.status).toBe('fail');
  });

  it('is unknown when node groups or roles were not collected', () => {
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
    const noRoles = withNodeRole([], {
      iamRoles: failed([{ operation: 'iam:GetRole', code: 'AccessDenied', message: 'no' }]),
    });
    const [result] = evaluate(check, noRoles);
    expect(result?.status).toBe('unknown');
    expect(result?.message).toContain('iam:GetRole');
  });
});
