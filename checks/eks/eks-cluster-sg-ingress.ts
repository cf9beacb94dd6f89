import type { EksCheck, Evidence } from '../../core/check';
import { isOpenCidr, parseCidr } from '../../core/cidr';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';

const RULES = 'parts.clusterSecurityGroupRules.value';

function ports(
  from: number | undefined,
  to: number | undefined,
  protocol: string | undefined,
): string {
  if (protocol === '-1') return 'all ports';
  return from === to ? `port ${from}` : `ports ${from}-${to}`;
}

export const eksClusterSgIngress: EksCheck = {
  meta: {
    id: 'eks-cluster-sg-ingress',
    provider: 'eks',
    title: 'EKS control-plane security groups admit no traffic from the internet',
    severity: 'high',
    family: 'control-plane-firewall',
    categories: ['network', 'control-plane'],
    risk: 'The cluster security group guards the control-plane network interfaces in your VPC and, by default, every managed node: an ingress rule from 0.0.0.0/0 exposes them to the whole internet.',
    remediation: {
      summary:
        'Remove ingress rules with open CIDR sources from the cluster security group and the additional control-plane security groups; allow only the security groups and CIDRs that need the API (port 443).',
      cli: 'aws ec2 revoke-security-group-ingress --group-id <sg-id> --security-group-rule-ids <sgr-id>',
      iac: 'CDK: cluster.clusterSecurityGroup.connections.allowFrom(peer, ec2.Port.tcp(443)) with named peers only; Terraform aws_vpc_security_group_ingress_rule: no cidr_ipv4 = "0.0.0.0/0"',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.1'] },
    reads: ['eks:DescribeCluster', 'ec2:DescribeSecurityGroupRules'],
  },
  evaluate({ cluster, ref, parts }, { config }) {
    const vpc = cluster.resourcesVpcConfig;
    const groups = [vpc?.clusterSecurityGroupId, ...(vpc?.securityGroupIds ?? [])].filter(
      (g): g is string => typeof g === 'string',
    );
    const read = readPart(
      parts.clusterSecurityGroupRules,
      `Security group rules of cluster ${ref.name}`,
      RULES,
    );
    if (!read.ok) return read.outcome;
    const min = config.eks.openCidrMinPrefix;
    const open: string[] = [];
    const evidence: Evidence[] = [
      ev('cluster.resourcesVpcConfig.clusterSecurityGroupId', vpc?.clusterSecurityGroupId),
    ];
    read.value.forEach((rule, i) => {
      if (rule.IsEgress || !groups.includes(rule.GroupId ?? '')) return;
      for (const [field, text] of [
        ['CidrIpv4', rule.CidrIpv4],
        ['CidrIpv6', rule.CidrIpv6],
      ] as const) {
        if (!text) continue;
        const cidr = parseCidr(text);
        if ('error' in cidr || !isOpenCidr(cidr, min)) continue;
        evidence.push(
          ev(`${RULES}[${i}].${field}`, text),
          ev(`${RULES}[${i}].SecurityGroupRuleId`, rule.SecurityGroupRuleId),
        );
        open.push(
          `${rule.GroupId} ${rule.SecurityGroupRuleId} allows ${ports(rule.FromPort, rule.ToPort, rule.IpProtocol)} from ${text}`,
        );
      }
    });
    if (open.length > 0) {
      return fail(
        `Cluster ${ref.name}'s control-plane security groups admit the internet: ${open.join('; ')}.`,
        evidence,
      );
    }
    if (read.incomplete) {
      return unknown(
        `Cluster ${ref.name}: no open ingress among the rules read, but ${read.incomplete}.`,
        evidence,
      );
    }
    const count = read.value.filter((r) => !r.IsEgress && groups.includes(r.GroupId ?? '')).length;
    return pass(
      `Cluster ${ref.name}'s control-plane security groups (${groups.join(', ')}) have ${count} ingress rule(s), none from a CIDR shorter than /${min}.`,
      evidence,
    );
  },
};
