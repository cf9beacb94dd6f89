import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import type { EksSnapshot } from '../../core/snapshot-eks';
import { awsManagedName } from './lib/iam-roles';
import { eachNodeRole } from './lib/node-roles';

const CNI_POLICIES = new Set(['AmazonEKS_CNI_Policy', 'AmazonEKS_CNI_IPv6_Policy']);

/**
 * The role the VPC CNI (`aws-node` in `kube-system`) has of its own, if the add-on or a Pod
 * Identity association shows one: the add-on's `serviceAccountRoleArn` (IRSA) or an association
 * for that service account. Only explains a result; unreadable parts leave it out.
 */
function cniOwnRole(snapshot: EksSnapshot): { text: string; evidence: Evidence } | undefined {
  const { addons, podIdentityAssociations } = snapshot.parts;
  if (addons.state === 'collected') {
    const index = addons.value.findIndex((a) => a.addonName === 'vpc-cni');
    const arn = addons.value[index]?.serviceAccountRoleArn;
    if (arn) {
      return {
        text: `its own IRSA role ${arn}`,
        evidence: ev(`parts.addons.value[${index}].serviceAccountRoleArn`, arn),
      };
    }
  }
  if (podIdentityAssociations.state === 'collected') {
    const index = podIdentityAssociations.value.findIndex(
      (a) => a.namespace === 'kube-system' && a.serviceAccount === 'aws-node',
    );
    const arn = podIdentityAssociations.value[index]?.roleArn;
    if (arn) {
      return {
        text: `its own Pod Identity role ${arn}`,
        evidence: ev(`parts.podIdentityAssociations.value[${index}].roleArn`, arn),
      };
    }
  }
  return undefined;
}

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
    reads: [
      'eks:DescribeNodegroup',
      'iam:ListAttachedRolePolicies',
      'eks:DescribeAddon',
      'eks:DescribePodIdentityAssociation',
    ],
  },
  evaluate(snapshot) {
    const { ref } = snapshot;
    const own = cniOwnRole(snapshot);
    return eachNodeRole(snapshot, ['node group'], (use, role, path, subject) => {
      const what = `Node role ${subject.name} of cluster ${ref.name} (${use.users.join(', ')})`;
      const index = role.attachedPolicies.findIndex((p) =>
        CNI_POLICIES.has(awsManagedName(p.PolicyArn) ?? ''),
      );
      const attached = role.attachedPolicies[index];
      if (attached) {
        return fail(
          `${what} holds ${awsManagedName(attached.PolicyArn)}, so every pod on those nodes can manage network interfaces${own ? `; the VPC CNI already has ${own.text}, so the attachment can be removed` : ''}.`,
          [
            ev(`${path}.attachedPolicies[${index}].PolicyArn`, attached.PolicyArn),
            ...(own ? [own.evidence] : []),
          ],
          subject,
        );
      }
      return pass(
        `${what} does not hold the VPC CNI policy${own ? `; the VPC CNI has ${own.text}` : ''}.`,
        [ev(`${path}.attachedPolicies`, role.attachedPolicies), ...(own ? [own.evidence] : [])],
        subject,
      );
    });
  },
};
