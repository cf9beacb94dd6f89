import type { PlannedCall } from '../../core/call-plan';

/**
 * Every AWS call the EKS collector makes (collector.ts and the collect-*.ts it runs), how often,
 * and why not less often. A target is one account+region. "Shared" objects are fetched once and
 * handed to every cluster that needs them (TargetCache); a cache wider than a target (RunCache:
 * the process's, or the Lambda execution environment's) serves the other targets of the same
 * account (IAM is global) or Region (catalogs): "per environment" in the counts.
 */
export const AWS_CALL_PLAN: readonly PlannedCall[] = [
  {
    operation: 'sts:GetCallerIdentity',
    per: 'run',
    count:
      '1 per collector (a CLI run; in Lambda each invocation), only when member roles are assumed by name',
    why: 'The caller’s account and partition, to build each member role’s ARN; kept for the collector.',
  },
  {
    operation: 'sts:AssumeRole',
    per: 'target',
    count: '1 per target of another account (and on expiry)',
    why: 'The member role’s credentials for the target’s clients.',
  },
  {
    operation: 'eks:ListClusters',
    per: 'region',
    count:
      '1 per account and Region (+pages), in discover; none in the audit of a target that names its clusters',
    why: 'The cluster names of the Region; no cross-Region form. Discover lists every scope once, drops empty ones and splits large ones, and each target carries its names (pipeline/split-targets.ts); only a scope discover could not list is listed again by its audit.',
  },
  {
    operation: 'eks:DescribeCluster',
    per: 'cluster',
    count: '1 per cluster',
    why: 'Takes one cluster name; there is no batch form, and ListClusters returns names only.',
  },
  {
    operation: 'eks:DescribeClusterVersions',
    per: 'region',
    count: '1 per Region per environment (+pages)',
    why: 'The version calendar is the Region’s, the same for every account: shared by the run’s targets of that Region.',
  },
  {
    operation: 'eks:ListNodegroups',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Takes one cluster name (required); there is no account-wide listing.',
  },
  {
    operation: 'eks:DescribeNodegroup',
    per: 'node group',
    count: '1 per managed node group',
    why: 'Takes one node group name; the listing returns names only.',
  },
  {
    operation: 'eks:ListAccessEntries',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Takes one cluster name; returns principal ARNs only.',
  },
  {
    operation: 'eks:DescribeAccessEntry',
    per: 'access entry',
    count: '1 per access entry',
    why: 'Takes one principal ARN; its type and Kubernetes groups (system:masters) are not in the listing.',
  },
  {
    operation: 'eks:ListAssociatedAccessPolicies',
    per: 'access entry',
    count: '1 per access entry (+pages)',
    why: 'Takes one principal ARN; the only source of the access policies (cluster-admin) of an entry.',
  },
  {
    operation: 'eks:ListAddons',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Takes one cluster name; returns add-on names only.',
  },
  {
    operation: 'eks:DescribeAddon',
    per: 'add-on',
    count: '1 per installed add-on',
    why: 'Takes one add-on name; version and configurationValues (network policy) are not in the listing.',
  },
  {
    operation: 'eks:DescribeAddonVersions',
    per: 'region',
    count: '1 per Kubernetes version per Region per environment (+pages)',
    why: 'The add-on catalog of a Region, the same in every account: shared by the run’s targets of that Region.',
  },
  {
    operation: 'eks:ListFargateProfiles',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Takes one cluster name; returns profile names only.',
  },
  {
    operation: 'eks:DescribeFargateProfile',
    per: 'item',
    count: '1 per Fargate profile',
    why: 'Takes one profile name; the pod execution role is not in the listing.',
  },
  {
    operation: 'eks:ListPodIdentityAssociations',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Takes one cluster name.',
  },
  {
    operation: 'eks:DescribePodIdentityAssociation',
    per: 'item',
    count: '1 per Pod Identity association',
    why: 'Takes one association id; the summaries lack the role ARN.',
  },
  {
    operation: 'eks:ListIdentityProviderConfigs',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Takes one cluster name.',
  },
  {
    operation: 'eks:DescribeIdentityProviderConfig',
    per: 'item',
    count: '1 per OIDC identity provider config',
    why: 'Takes one config; its tags and settings are not in the listing.',
  },
  {
    operation: 'guardduty:ListDetectors',
    per: 'target',
    count: '1 per target',
    why: 'GuardDuty is regional and per account: one detector for all the target’s clusters.',
  },
  {
    operation: 'guardduty:GetDetector',
    per: 'target',
    count: '1 per detector of the target (at most one)',
    why: 'Takes one detector id; shared by the target’s clusters.',
  },
  {
    operation: 'ec2:DescribeVpcs',
    per: 'target',
    count: '1 per VPC of the target’s clusters',
    why: 'Shared by the clusters of the same VPC.',
  },
  {
    operation: 'ec2:DescribeSubnets',
    per: 'target',
    count: '1 per target for up to 200 subnets (+pages)',
    why: 'Batched: one call with the `subnet-id` filter over the subnets of every cluster and node group of the target (200 filter values a call), split per cluster afterwards.',
  },
  {
    operation: 'ec2:DescribeRouteTables',
    per: 'target',
    count: '1 per VPC of the target’s clusters (+pages)',
    why: 'Shared by the clusters of the same VPC.',
  },
  {
    operation: 'ec2:DescribeSecurityGroupRules',
    per: 'target',
    count: '1 per target for up to 200 security groups (+pages)',
    why: 'Batched: one call with the `group-id` filter over every cluster’s security groups (200 filter values a call), split per cluster afterwards.',
  },
  {
    operation: 'ec2:DescribeLaunchTemplateVersions',
    per: 'item',
    count: '1 per launch template version the node groups use, per target',
    why: 'Takes one launch template; shared by the node groups that use the same version.',
  },
  {
    operation: 'ec2:GetEbsEncryptionByDefault',
    per: 'target',
    count: '1 per target',
    why: 'A setting of the account in the Region.',
  },
  {
    operation: 'logs:DescribeLogGroups',
    per: 'target',
    count: '1 per target for up to 50 log groups under /aws/eks/ (1 per cluster at worst, +1)',
    why: 'Batched: one listing of the Region’s `/aws/eks/` prefix (50 a page, the API’s most) serves every cluster; a target of one cluster, or a Region full of other `/aws/eks/` groups, falls back to each cluster’s own prefix.',
  },
  {
    operation: 'kms:DescribeKey',
    per: 'item',
    count: '1 per Secrets encryption key, per target',
    why: 'Takes one key; shared by the clusters that use the same key.',
  },
  {
    operation: 'kms:GetKeyRotationStatus',
    per: 'item',
    count: '1 per Secrets encryption key, per target',
    why: 'Takes one key; shared by the clusters that use the same key.',
  },
  {
    operation: 'kms:GetKeyPolicy',
    per: 'item',
    count: '1 per Secrets encryption key, per target',
    why: 'Takes one key; shared by the clusters that use the same key.',
  },
  {
    operation: 'iam:ListOpenIDConnectProviders',
    per: 'account',
    count: '1 per account per environment',
    why: 'IAM is global: shared by every target of the account.',
  },
  {
    operation: 'iam:ListRoles',
    per: 'account',
    count: '1 per account per environment (+pages)',
    why: 'IAM is global: the IRSA trust policies of every role, shared by every target of the account.',
  },
  {
    operation: 'iam:GetRole',
    per: 'item',
    count: '1 per cluster, node or Fargate role, per account per environment',
    why: 'Takes one role; shared by the clusters that use the same role.',
  },
  {
    operation: 'iam:ListAttachedRolePolicies',
    per: 'item',
    count: '1 per role, per account per environment',
    why: 'Takes one role.',
  },
  {
    operation: 'iam:ListRolePolicies',
    per: 'item',
    count: '1 per role, per account per environment',
    why: 'Takes one role.',
  },
  {
    operation: 'iam:GetRolePolicy',
    per: 'item',
    count: '1 per inline policy of those roles',
    why: 'Takes one policy name.',
  },
  {
    operation: 'iam:GetPolicy',
    per: 'item',
    count: '1 per customer managed policy attached to those roles, per account per environment',
    why: 'Takes one policy; shared by the roles it is attached to.',
  },
  {
    operation: 'iam:GetPolicyVersion',
    per: 'item',
    count: '1 per customer managed policy, per account per environment',
    why: 'Takes one policy version: the document of the default version.',
  },
  {
    operation: 'ecr:GetRegistryScanningConfiguration',
    per: 'target',
    count: '1 per target',
    why: 'A setting of the account’s registry in the Region.',
  },
  {
    operation: 'ecr:DescribeRepositories',
    per: 'target',
    count: '1 per target (+pages)',
    why: 'Every repository of the Region, shared by the target’s clusters.',
  },
  {
    operation: 'ecr:GetRepositoryPolicy',
    per: 'item',
    count: '1 per repository, per target',
    why: 'Takes one repository; there is no batch form.',
  },
  {
    operation: 'elasticloadbalancing:DescribeLoadBalancers',
    per: 'target',
    count: '1 per target (+pages)',
    why: 'Every load balancer of the Region, shared by the target’s clusters.',
  },
  {
    operation: 'elasticloadbalancing:DescribeTags',
    per: 'target',
    count: '1 per 20 load balancers, per target',
    why: 'Batched at the API’s limit of 20 ARNs a call: finds each cluster’s load balancers by their tags.',
  },
  {
    operation: 'elasticloadbalancing:DescribeListeners',
    per: 'item',
    count: '1 per load balancer of a cluster (+pages)',
    why: 'Takes one load balancer ARN.',
  },
];
