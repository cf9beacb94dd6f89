import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { adminPolicies, awsManagedName } from './lib/iam-roles';
import { eachNodeRole } from './lib/node-roles';

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
    title: 'EKS node and Fargate pod execution roles hold no admin-like or registry-write policies',
    severity: 'high',
    family: 'node-iam-privileges',
    categories: ['iam'],
    risk: 'Every pod that reaches the instance metadata service can use the node role (and Fargate uses the pod execution role to pull images and ship logs): admin-like permissions or ECR write access on them turn one compromised pod or node into an account or supply-chain compromise.',
    remediation: {
      summary:
        'Keep node roles to AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly (or PullOnly) and AmazonSSMManagedInstanceCore, and Fargate pod execution roles to AmazonEKSFargatePodExecutionRolePolicy; give workloads their own roles through IRSA or Pod Identity.',
      cli: 'aws iam detach-role-policy --role-name <node-role> --policy-arn <policy-arn>',
      iac: 'CDK: nodeRole with managedPolicies [AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly]; Terraform aws_iam_role_policy_attachment for those policies only',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.1.3', '5.2.1'] },
    reads: [
      'eks:DescribeNodegroup',
      'eks:DescribeFargateProfile',
      'iam:GetRole',
      'iam:ListAttachedRolePolicies',
      'iam:ListRolePolicies',
      'iam:GetRolePolicy',
      'iam:GetPolicy',
      'iam:GetPolicyVersion',
    ],
  },
  evaluate(snapshot) {
    const { ref } = snapshot;
    return eachNodeRole(
      snapshot,
      ['node group', 'Fargate profile', 'Auto Mode'],
      (use, role, path, subject) => {
        const what = `${use.label[0]?.toUpperCase()}${use.label.slice(1)} ${subject.name} of cluster ${ref.name} (${use.users.join(', ')})`;
        const evidence: Evidence[] = [];
        const broad: string[] = [];
        role.attachedPolicies.forEach((p, i) => {
          const name = awsManagedName(p.PolicyArn);
          if (name && TOO_BROAD.has(name)) {
            broad.push(name);
            evidence.push(ev(`${path}.attachedPolicies[${i}].PolicyArn`, p.PolicyArn));
          }
        });
        const documents = adminPolicies(snapshot, role, path);
        broad.push(...documents.names);
        evidence.push(...documents.evidence);
        if (broad.length > 0) return fail(`${what} holds ${broad.join(', ')}.`, evidence, subject);
        const attached = ev(`${path}.attachedPolicies`, role.attachedPolicies);
        if (documents.unreadable.length > 0) {
          return unknown(
            `${what}: no known over-broad policy, but ${documents.unreadable.join('; ')}.`,
            [attached],
            subject,
          );
        }
        return pass(
          `${what} holds no admin-like or registry-write policy.`,
          [
            attached,
            ev(
              `${path}.inlinePolicies`,
              role.inlinePolicies.map((p) => p.name),
            ),
          ],
          subject,
        );
      },
    );
  },
};
