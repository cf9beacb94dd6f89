import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { awsManagedName, findRole } from './lib/iam-roles';

/** What the EKS user guide attaches to a cluster role (Auto Mode adds four; two are legacy). */
const EXPECTED = new Set([
  'AmazonEKSClusterPolicy',
  'AmazonEKSComputePolicy',
  'AmazonEKSBlockStoragePolicy',
  'AmazonEKSLoadBalancingPolicy',
  'AmazonEKSNetworkingPolicy',
  'AmazonEKSVPCResourceController',
  'AmazonEKSServicePolicy',
]);

export const eksClusterRoleLeastPrivilege: EksCheck = {
  meta: {
    id: 'eks-cluster-role-least-privilege',
    provider: 'eks',
    title: 'EKS cluster IAM role holds only the EKS cluster policies',
    severity: 'medium',
    family: 'control-plane-identity',
    categories: ['iam'],
    risk: 'The cluster role is assumed by the EKS control plane; extra permissions on it widen what a control-plane or configuration compromise can reach in the account.',
    remediation: {
      summary:
        'Keep AmazonEKSClusterPolicy (plus the Auto Mode policies when Auto Mode is on) and detach everything else from the cluster role.',
      cli: 'aws iam detach-role-policy --role-name <cluster-role> --policy-arn <policy-arn>; aws iam delete-role-policy --role-name <cluster-role> --policy-name <name>',
      iac: 'CDK: eks.Cluster role with managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName("AmazonEKSClusterPolicy")] only; Terraform aws_iam_role_policy_attachment for AmazonEKSClusterPolicy only',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html',
    },
    frameworks: {},
    reads: [
      'eks:DescribeCluster',
      'iam:GetRole',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
    ],
  },
  evaluate(snapshot) {
    const { cluster, ref } = snapshot;
    const arn = cluster.roleArn;
    if (!arn) {
      return unknown(`Cluster ${ref.name}: cluster.roleArn is missing from the input.`, [
        ev('cluster.roleArn', arn),
      ]);
    }
    const found = findRole(snapshot, arn);
    if (!found.ok) return found.outcome;
    const { role, path } = found;
    const evidence: Evidence[] = [ev('cluster.roleArn', arn)];
    const extra: string[] = [];
    role.attachedPolicies.forEach((p, i) => {
      const name = awsManagedName(p.PolicyArn);
      if (name && EXPECTED.has(name)) return;
      extra.push(p.PolicyArn ?? p.PolicyName ?? `attached #${i}`);
      evidence.push(ev(`${path}.attachedPolicies[${i}].PolicyArn`, p.PolicyArn));
    });
    role.inlinePolicies.forEach((p, i) => {
      extra.push(`inline ${p.name}`);
      evidence.push(ev(`${path}.inlinePolicies[${i}].name`, p.name));
    });
    return extra.length > 0
      ? fail(
          `Cluster ${ref.name}'s role ${role.role.RoleName} holds more than the EKS cluster policies: ${extra.join(', ')}.`,
          evidence,
        )
      : pass(
          `Cluster ${ref.name}'s role ${role.role.RoleName} holds only EKS cluster policies (${role.attachedPolicies.map((p) => awsManagedName(p.PolicyArn)).join(', ') || 'none'}).`,
          [...evidence, ev(`${path}.attachedPolicies`, role.attachedPolicies)],
        );
  },
};
