import type { EksCheck, Outcome } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { awsManagedName, findRole } from './lib/iam-roles';
import { NODEGROUPS_PATH } from './lib/nodegroups';

const CNI_POLICIES = new Set(['AmazonEKS_CNI_Policy', 'AmazonEKS_CNI_IPv6_Policy']);

export const eksCniPolicyOnNodeRole: EksCheck = {
  meta: {
    id: 'eks-cni-policy-on-node-role',
    provider: 'eks',
    title: 'The VPC CNI permissions are not on the node IAM role',
    severity: 'medium',
    family: 'node-iam-privileges',
    categories: ['iam'],
    risk: 'AmazonEKS_CNI_Policy lets its holder create, attach and delete network interfaces and assign IPs; on the node role every pod that reaches the metadata service gets it, not only the aws-node DaemonSet.',
    remediation: {
      summary:
        'Give the vpc-cni add-on its own role through IRSA or Pod Identity, then detach AmazonEKS_CNI_Policy from the node role.',
      cli: 'aws eks update-addon --cluster-name <cluster> --addon-name vpc-cni --service-account-role-arn <cni-role-arn> && aws iam detach-role-policy --role-name <node-role> --policy-arn arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy',
      iac: 'CDK: new eks.CfnAddon(this, "VpcCni", { addonName: "vpc-cni", serviceAccountRoleArn }); Terraform aws_eks_addon "vpc-cni": service_account_role_arn = aws_iam_role.cni.arn, and no AmazonEKS_CNI_Policy attachment on the node role',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-iam-role.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.2.1'] },
    reads: ['eks:DescribeNodegroup', 'iam:ListAttachedRolePolicies'],
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
      const index = role.attachedPolicies.findIndex((p) =>
        CNI_POLICIES.has(awsManagedName(p.PolicyArn) ?? ''),
      );
      const attached = role.attachedPolicies[index];
      return attached
        ? fail(
            `Node role ${subject.name} of cluster ${ref.name} holds ${awsManagedName(attached.PolicyArn)}, so every pod on those nodes can manage network interfaces.`,
            [ev(`${path}.attachedPolicies[${index}].PolicyArn`, attached.PolicyArn)],
            subject,
          )
        : pass(
            `Node role ${subject.name} of cluster ${ref.name} does not hold the VPC CNI policy.`,
            [ev(`${path}.attachedPolicies`, role.attachedPolicies)],
            subject,
          );
    });
  },
};
