import { describe, expect, it } from 'vitest';
import { eksClusterSgIngress as check } from '../../../../checks/eks/eks-cluster-sg-ingress';
import { collected } from '../../../../core/snapshot';
import type { EksSecurityGroupRule } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

const CLUSTER_SG = 'sg-01c84d09d70f39a7f';

/** A DescribeSecurityGroupRules entry in the shape of the EC2 API model. */
function rule(
  id: string,
  source: Partial<EksSecurityGroupRule>,
  groupId = CLUSTER_SG,
): EksSecurityGroupRule {
  return {
    SecurityGroupRuleId: id,
    GroupId: groupId,
    GroupOwnerId: '111122223333',
    IsEgress: false,
    IpProtocol: 'tcp',
    FromPort: 443,
    ToPort: 443,
    Tags: [],
    ...source,
  };
}

const SELF = rule('sgr-0self', {
  IpProtocol: '-1',
  FromPort: -1,
  ToPort: -1,
  ReferencedGroupInfo: { GroupId: CLUSTER_SG, UserId: '111122223333' },
});
const withRules = (rules: EksSecurityGroupRule[]) =>
  eksSnapshot(describeClusterExample(), {
    clusterSecurityGroupRules: collected(rules, ['ec2:DescribeSecurityGroupRules']),
  });

describe('eks-cluster-sg-ingress', () => {
  it('passes the default self-referencing rule and an office CIDR on 443', () => {
    const result = evaluateOne(
      check,
      withRules([SELF, rule('sgr-0office', { CidrIpv4: '203.0.113.0/24' })]),
    );
    expect(result.status).toBe('pass');
    expect(result.message).toContain('2 ingress rule(s)');
  });

  it('fails ingress from 0.0.0.0/0 on the cluster security group, and ::/0 on an additional group', () => {
    const v4 = evaluateOne(
      check,
      withRules([SELF, rule('sgr-0open', { CidrIpv4: '0.0.0.0/0', FromPort: 22, ToPort: 22 })]),
    );
    expect(v4.status).toBe('fail');
    expect(v4.message).toContain('sgr-0open allows port 22 from 0.0.0.0/0');
    const v6 = evaluateOne(
      check,
      withRules([rule('sgr-0v6', { CidrIpv6: '::/0' }, 'sg-0c1327f6270afbb36')]),
    );
    expect(v6.status).toBe('fail');
  });

  it('ignores egress rules and groups that are not the cluster’s', () => {
    const result = evaluateOne(
      check,
      withRules([
        rule('sgr-0egress', { IsEgress: true, CidrIpv4: '0.0.0.0/0' }),
        rule('sgr-0other', { CidrIpv4: '0.0.0.0/0' }, 'sg-0ther'),
      ]),
    );
    expect(result.status).toBe('pass');
  });

  it('is unknown when the rules were not described', () => {
    expect(evaluateOne(check, eksSnapshot()).message).toContain('ec2:DescribeSecurityGroupRules');
  });
});
