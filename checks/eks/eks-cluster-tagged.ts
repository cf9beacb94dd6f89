import type { EksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.tags';

/** Keys under the `aws:` prefix are set by AWS services (CloudFormation...), not by the owner. */
const isUserTag = (key: string): boolean => !key.toLowerCase().startsWith('aws:');

export const eksClusterTagged: EksCheck = {
  meta: {
    id: 'eks-cluster-tagged',
    provider: 'eks',
    title: 'EKS cluster carries owner tags (and every required tag key)',
    severity: 'low',
    family: 'tagging',
    categories: ['lifecycle'],
    risk: 'An untagged cluster has no recorded owner, environment or data classification: incidents cannot be routed, and tag-based access control (ABAC) and cost reports miss it.',
    remediation: {
      summary:
        'Tag the cluster with the keys your tagging policy requires (owner, environment, ...).',
      cli: 'aws eks tag-resource --resource-arn <cluster-arn> --tags owner=<team>,environment=<env>',
      iac: 'CDK: Tags.of(cluster).add("owner", "<team>"); Terraform aws_eks_cluster: tags = { owner = "<team>" }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/eks-using-tags.html',
    },
    frameworks: { 'aws-securityhub': ['EKS.6'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }, { config }) {
    // DescribeCluster leaves `tags` out or empty when the cluster has none: both mean untagged.
    const tags = cluster.tags ?? {};
    const evidence = [ev(PATH, cluster.tags)];
    const userKeys = Object.keys(tags).filter(isUserTag);
    if (userKeys.length === 0) {
      return fail(
        `Cluster ${ref.name} has no tags of its own${Object.keys(tags).length > 0 ? ' (only aws: system tags)' : ''}.`,
        evidence,
      );
    }
    const missing = config.eks.requiredTagKeys.filter((key) => !(key in tags));
    if (missing.length > 0) {
      return fail(
        `Cluster ${ref.name} lacks the required tag keys ${missing.join(', ')}.`,
        evidence,
      );
    }
    const required = config.eks.requiredTagKeys;
    return pass(
      required.length > 0
        ? `Cluster ${ref.name} carries every required tag key (${required.join(', ')}).`
        : `Cluster ${ref.name} carries ${userKeys.length} tag(s) of its own (${userKeys.join(', ')}).`,
      evidence,
    );
  },
};
