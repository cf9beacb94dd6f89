import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';

const ENTRIES = 'parts.accessEntries.value';
const ADMIN_POLICIES = new Set([
  'arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
  'arn:aws:eks::aws:cluster-access-policy/AmazonEKSAdminPolicy',
]);
/** `arn:aws:iam::111122223333:user/name` → account and resource type. */
const IAM_ARN = /^arn:aws[a-z-]*:iam::(\d{12}):(user|role|root)/;

export const eksAccessEntryClusterAdmin: EksCheck = {
  meta: {
    id: 'eks-access-entry-cluster-admin',
    provider: 'eks',
    title: 'EKS cluster-wide admin access is granted to few, same-account IAM roles only',
    severity: 'high',
    family: 'cluster-admin-access',
    categories: ['iam'],
    risk: 'Cluster-wide admin through an access entry gives full control of every workload and Secret. Granted to an IAM user it rests on long-lived keys; granted to another account it is controlled by that account; granted to many principals it is hard to keep track of.',
    remediation: {
      summary:
        'Keep AmazonEKSClusterAdminPolicy/AmazonEKSAdminPolicy at cluster scope for a few roles of the cluster account that people assume (SSO); scope other grants to namespaces or narrower policies.',
      cli: 'aws eks disassociate-access-policy --cluster-name <cluster> --principal-arn <principal-arn> --policy-arn arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy',
      iac: 'CDK: cluster.grantAccess(id, roleArn, [eks.AccessPolicy.fromAccessPolicyName("AmazonEKSClusterAdminPolicy", { accessScopeType: eks.AccessScopeType.CLUSTER })]) for chosen roles only; Terraform aws_eks_access_policy_association with access_scope { type = "namespace" } where possible',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['4.1.1', '4.1.7'] },
    reads: ['eks:ListAccessEntries', 'eks:DescribeAccessEntry', 'eks:ListAssociatedAccessPolicies'],
  },
  evaluate({ cluster, ref, parts }, { config }) {
    if (cluster.accessConfig?.authenticationMode === 'CONFIG_MAP') {
      // In CONFIG_MAP mode access entries do not exist; grants live in aws-auth (in-cluster).
      return notApplicable(
        `Cluster ${ref.name} uses authentication mode CONFIG_MAP: it has no access entries, and its grants in the aws-auth ConfigMap cannot be read through the EKS API.`,
        [ev('cluster.accessConfig.authenticationMode', 'CONFIG_MAP')],
      );
    }
    const read = readPart(parts.accessEntries, `Access entries of cluster ${ref.name}`, ENTRIES);
    if (!read.ok) return read.outcome;
    const admins: { principal: string; evidence: Evidence[]; problems: string[] }[] = [];
    read.value.forEach(({ entry, associatedAccessPolicies }, i) => {
      const principal = entry.principalArn ?? `entry #${i}`;
      const evidence: Evidence[] = [];
      associatedAccessPolicies.forEach((association, j) => {
        if (
          association.policyArn &&
          ADMIN_POLICIES.has(association.policyArn) &&
          association.accessScope?.type === 'cluster'
        ) {
          const at = `${ENTRIES}[${i}].associatedAccessPolicies[${j}]`;
          evidence.push(ev(`${at}.policyArn`, association.policyArn));
          evidence.push(ev(`${at}.accessScope.type`, association.accessScope.type));
        }
      });
      if (evidence.length === 0) return;
      evidence.unshift(ev(`${ENTRIES}[${i}].entry.principalArn`, entry.principalArn));
      const match = entry.principalArn ? IAM_ARN.exec(entry.principalArn) : null;
      const problems: string[] = [];
      if (match?.[2] === 'user') problems.push('an IAM user (long-lived keys)');
      if (match?.[1] && match[1] !== ref.account)
        problems.push(`account ${match[1]}, not ${ref.account}`);
      admins.push({ principal, evidence, problems });
    });
    const evidence = admins.flatMap((a) => a.evidence);
    const risky = admins.filter((a) => a.problems.length > 0);
    const max = config.eks.maxClusterAdminEntries;
    const reasons = risky.map((a) => `${a.principal} is ${a.problems.join(' and ')}`);
    if (admins.length > max) {
      reasons.push(`${admins.length} entries hold cluster-wide admin (at most ${max} allowed)`);
    }
    if (reasons.length > 0) {
      return fail(
        `Cluster ${ref.name} grants cluster-wide admin unsafely: ${reasons.join('; ')}.`,
        evidence,
      );
    }
    if (read.incomplete) {
      return unknown(
        `Cluster ${ref.name}: no unsafe cluster-wide admin among the access entries read, but ${read.incomplete}.`,
        evidence,
      );
    }
    const configMap =
      cluster.accessConfig?.authenticationMode === 'API_AND_CONFIG_MAP'
        ? ' Grants in the aws-auth ConfigMap are not visible to this check.'
        : '';
    return pass(
      admins.length === 0
        ? `Cluster ${ref.name} has no access entry with a cluster-wide admin policy.${configMap}`
        : `Cluster ${ref.name} grants cluster-wide admin to ${admins.length} same-account role(s): ${admins.map((a) => a.principal).join(', ')}.${configMap}`,
      evidence.length > 0
        ? evidence
        : [
            ev(
              `${ENTRIES}[].entry.principalArn`,
              read.value.map((e) => e.entry.principalArn),
            ),
          ],
    );
  },
};
