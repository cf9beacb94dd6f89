import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.accessConfig.bootstrapClusterCreatorAdminPermissions';

export const eksBootstrapCreatorAdmin: EksCheck = {
  meta: {
    id: 'eks-bootstrap-creator-admin',
    provider: 'eks',
    title: 'EKS cluster was created without an implicit admin grant to its creator',
    severity: 'low',
    family: 'cluster-admin-access',
    categories: ['iam'],
    risk: 'With bootstrapClusterCreatorAdminPermissions the IAM principal that created the cluster (often a CI role or a person) gets a cluster-admin access entry that nobody asked for and that outlives its purpose.',
    remediation: {
      summary:
        "Delete the creator's access entry (or its AmazonEKSClusterAdminPolicy association) once deliberate admin entries exist; create new clusters with bootstrapClusterCreatorAdminPermissions=false. The flag itself records the creation choice and cannot be changed.",
      cli: 'aws eks delete-access-entry --cluster-name <cluster> --principal-arn <creator-principal-arn>',
      iac: 'CDK: bootstrapClusterCreatorAdminPermissions: false; Terraform aws_eks_cluster: access_config { bootstrap_cluster_creator_admin_permissions = false }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['4.1.1'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.accessConfig?.bootstrapClusterCreatorAdminPermissions;
    const evidence = [ev(PATH, value)];
    if (value === undefined) {
      // DescribeCluster omits the flag for clusters created before access entries existed
      // (the 2024 docs example has accessConfig without it): nothing to decide from.
      return unknown(
        `Cluster ${ref.name}: ${PATH} is not in the input, so whether its creator was made admin cannot be told.`,
        evidence,
      );
    }
    return value
      ? fail(
          `Cluster ${ref.name} was created with bootstrapClusterCreatorAdminPermissions=true: its creator received a cluster-admin access entry; remove it if it is still there.`,
          evidence,
        )
      : pass(`Cluster ${ref.name} was created without an admin grant to its creator.`, evidence);
  },
};
