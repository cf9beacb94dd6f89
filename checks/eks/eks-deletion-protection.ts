import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.deletionProtection';

export const eksDeletionProtection: EksCheck = {
  meta: {
    id: 'eks-deletion-protection',
    provider: 'eks',
    title: 'EKS cluster has deletion protection enabled',
    severity: 'medium',
    family: 'deletion-protection',
    categories: ['lifecycle'],
    risk: 'Without deletion protection one DeleteCluster call (a mistaken script, a compromised pipeline role) destroys the control plane and every workload on it.',
    remediation: {
      summary: 'Turn on deletion protection; turn it off deliberately before a planned deletion.',
      cli: 'aws eks update-cluster-config --name <cluster> --deletion-protection',
      iac: 'CDK (L1): CfnCluster deletionProtection: true; Terraform aws_eks_cluster: deletion_protection = true',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/deletion-protection.html',
    },
    frameworks: {},
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.deletionProtection;
    const evidence = [ev(PATH, value)];
    // The current DescribeCluster always returns deletionProtection; an export without it is
    // older than the feature or incomplete.
    if (value === undefined) {
      return unknown(
        `Cluster ${ref.name}: ${PATH} is missing from the input (the current API always returns it), so deletion protection cannot be decided.`,
        evidence,
      );
    }
    return value
      ? pass(`Cluster ${ref.name} has deletion protection enabled.`, evidence)
      : fail(
          `Cluster ${ref.name} has deletion protection disabled (deletionProtection=false).`,
          evidence,
        );
  },
};
