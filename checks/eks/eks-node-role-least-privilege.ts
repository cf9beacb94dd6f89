import type { EksCheck, Evidence, Outcome } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { awsManagedName, findRole, fullAdminInline } from './lib/iam-roles';
import { NODEGROUPS_PATH } from './lib/nodegroups';

/** AWS managed policies that give a node far more than it needs. */
const TOO_BROAD = new Set([
  'AdministratorAccess',
  'PowerUserAccess',
  'IAMFullAccess',
  'AmazonEC2FullAccess',
  'AmazonS3FullAccess',
  'AmazonEC2ContainerRegistryFullAccess',
  'AmazonEC2ContainerRegistryPowerUser',
  'SecretsManagerReadWrite',
]);

export const eksNodeRoleLeastPrivilege: EksCheck = {
  meta: {
    id: 'eks-node-role-least-privilege',
    provider: 'eks',
    title: 'EKS node IAM roles hold no admin-like or registry-write policies',
    severity: 'high',
    family: 'node-iam-privileges',
    categories: ['iam'],
    risk: 'Every pod that reaches the instance metadata service can use the node role: admin-like permissions or ECR write access on it turn one compromised pod into an account or supply-chain compromise.',
    remediation: {
      summary:
        'Keep node roles to AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly (or PullOnly) and AmazonSSMManagedInstanceCore; give workloads their own roles through IRSA or Pod Identity.',
      cli: 'aws iam detach-role-policy --role-name <node-role> --policy-arn <policy-arn>',
      iac: 'CDK: nodeRole with managedPolicies [AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly]; Terraform aws_iam_role_policy_attachment for those policies only',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.1.3', '5.2.1'] },
    reads: [
      'eks:DescribeNodegroup',
      'iam:GetRole',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'iam:GetRolePolicy',
    ],
  },
  evaluate(snapshot) {
    const { ref } = snapshot;
    const nodegroups = readPart(
      snapshot.parts.nodegroups,
      `Node groups of cluster ${ref.name}`,
      'parts.nodegroups',
    );
    if (!nodegroups.ok) return nodegroups.outcome;
    const roleArns = [
      ...new Set(nodegroups.value.map((n) => n.nodeRole).filter((r): r is string => Boolean(r))),
    ];
    if (roleArns.length === 0) {
      return unknown(`Cluster ${ref.name}: no node role could be read from its node groups.`, [
        ev(`${NODEGROUPS_PATH}[].nodeRole`, []),
      ]);
    }
    return roleArns.map((arn): Outcome => {
      const subject = { type: 'iam-role', id: arn, name: arn.slice(arn.lastIndexOf('/') + 1) };
      const found = findRole(snapshot, arn);
      if (!found.ok) return { ...found.outcome, subject };
      const { role, path } = found;
      const evidence: Evidence[] = [];
      const broad: string[] = [];
      const unreadable: string[] = [];
      role.attachedPolicies.forEach((p, i) => {
        const name = awsManagedName(p.PolicyArn);
        if (name && TOO_BROAD.has(name)) {
          broad.push(name);
          evidence.push(ev(`${path}.attachedPolicies[${i}].PolicyArn`, p.PolicyArn));
        } else if (!name) {
          unreadable.push(`customer managed policy ${p.PolicyArn} (its document is not collected)`);
        }
      });
      const inline = fullAdminInline(role, path);
      broad.push(...inline.names.map((n) => `inline ${n} (Action * on Resource *)`));
      evidence.push(...inline.evidence);
      unreadable.push(...inline.errors);
      if (broad.length > 0) {
        return fail(
          `Node role ${subject.name} of cluster ${ref.name} holds ${broad.join(', ')}.`,
          evidence,
          subject,
        );
      }
      const attached = ev(`${path}.attachedPolicies`, role.attachedPolicies);
      if (unreadable.length > 0) {
        return unknown(
          `Node role ${subject.name} of cluster ${ref.name}: no known over-broad policy, but ${unreadable.join('; ')}.`,
          [attached],
          subject,
        );
      }
      return pass(
        `Node role ${subject.name} of cluster ${ref.name} holds no admin-like or registry-write policy.`,
        [attached],
        subject,
      );
    });
  },
};
