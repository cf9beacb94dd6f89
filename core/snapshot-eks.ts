import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type {
  LaunchTemplateVersion,
  RouteTable,
  SecurityGroupRule,
  Subnet,
  Vpc,
} from '@aws-sdk/client-ec2';
import type { GetRegistryScanningConfigurationResponse, Repository } from '@aws-sdk/client-ecr';
import type {
  AccessEntry,
  Addon,
  AddonInfo,
  AssociatedAccessPolicy,
  Cluster,
  ClusterVersionInformation,
  FargateProfile,
  IdentityProviderConfigResponse,
  Nodegroup,
  PodIdentityAssociation,
} from '@aws-sdk/client-eks';
import type { Listener, LoadBalancer } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type { AttachedPolicy, Policy, Role } from '@aws-sdk/client-iam';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { Part, SnapshotBase } from './snapshot';
import type { Wire } from './wire';

export type EksCluster = Wire<Cluster>;
export type EksNodegroup = Wire<Nodegroup>;
export type EksClusterVersion = Wire<ClusterVersionInformation>;
export type EksAddon = Wire<Addon>;
export type EksAddonInfo = Wire<AddonInfo>;
export type EksFargateProfile = Wire<FargateProfile>;
export type EksPodIdentityAssociation = Wire<PodIdentityAssociation>;
export type EksEcrRepository = Wire<Repository>;
export type EksEcrScanningConfiguration = Wire<GetRegistryScanningConfigurationResponse>;

/** An Elastic Load Balancing v2 load balancer with its listeners. */
export interface EksLoadBalancer {
  loadBalancer: Wire<LoadBalancer>;
  listeners: Wire<Listener>[];
}
export type EksIdentityProviderConfig = Wire<IdentityProviderConfigResponse>;
export type EksLaunchTemplateVersion = Wire<LaunchTemplateVersion>;
export type EksSubnet = Wire<Subnet>;
export type EksRouteTable = Wire<RouteTable>;
export type EksVpc = Wire<Vpc>;
export type EksSecurityGroupRule = Wire<SecurityGroupRule>;

/** An access entry with the access policies associated with it. */
export interface EksAccessEntry {
  /** DescribeAccessEntry `accessEntry`. */
  entry: Wire<AccessEntry>;
  /** ListAssociatedAccessPolicies `associatedAccessPolicies` of the entry's principal (all pages). */
  associatedAccessPolicies: Wire<AssociatedAccessPolicy>[];
}

/** The GuardDuty detector of the cluster's account and region. */
export interface EksGuardDutyDetector {
  detectorId: string;
  /** GetDetector response, without the SDK's `$metadata`. */
  detector: Wire<GetDetectorResponse>;
}

/** The KMS key that envelope-encrypts the cluster's Secrets. */
export interface EksSecretsKey {
  /** `cluster.encryptionConfig[].provider.keyArn` the key was looked up by. */
  keyArn: string;
  /** kms:DescribeKey `KeyMetadata`. */
  metadata: Wire<KeyMetadata>;
  /** kms:GetKeyRotationStatus `KeyRotationEnabled`; absent when that call was not made. */
  rotationEnabled?: boolean;
  /** kms:GetKeyPolicy (policy name `default`) `Policy`, a JSON document as a string. */
  policy?: string;
}

/** A customer managed policy attached to a role, with the document of its default version. */
export interface EksCustomerPolicy {
  /** iam:GetPolicy `Policy`. */
  policy: Wire<Policy>;
  /** iam:GetPolicyVersion of `DefaultVersionId`: `PolicyVersion.Document`, URL-decoded. */
  document: string;
}

/** An IAM role with its permissions policies. */
export interface EksIamRole {
  /** iam:GetRole `Role`; `AssumeRolePolicyDocument` decoded from the API's URL encoding. */
  role: Wire<Role>;
  /** iam:ListAttachedRolePolicies (all pages). */
  attachedPolicies: Wire<AttachedPolicy>[];
  /** iam:ListRolePolicies + iam:GetRolePolicy: inline policies, documents decoded. */
  inlinePolicies: { name: string; document: string }[];
  /**
   * The attached customer managed policies (not `arn:aws:iam::aws:policy/...`) whose documents
   * could be read; one that could not is missing here and named in the part's `errors`. Absent
   * in snapshots written before these documents were collected.
   */
  customerPolicies?: EksCustomerPolicy[];
}

/**
 * Related objects of an EKS cluster, each collected once per run; every one is present in a
 * snapshot (`not_collected` with the reason when the input lacks it: exports, older files).
 */
export interface EksParts {
  /** ListNodegroups + DescribeNodegroup for every managed node group. */
  nodegroups: Part<EksNodegroup[]>;
  /** DescribeClusterVersions of the cluster's region (shared by every cluster there). */
  clusterVersions: Part<EksClusterVersion[]>;
  /** ListAccessEntries → DescribeAccessEntry + ListAssociatedAccessPolicies for each entry. */
  accessEntries: Part<EksAccessEntry[]>;
  /** ListAddons → DescribeAddon for each add-on (with `configurationValues`). */
  addons: Part<EksAddon[]>;
  /** ListFargateProfiles → DescribeFargateProfile for each profile. */
  fargateProfiles: Part<EksFargateProfile[]>;
  /** ListPodIdentityAssociations → DescribePodIdentityAssociation for each association. */
  podIdentityAssociations: Part<EksPodIdentityAssociation[]>;
  /**
   * guardduty:ListDetectors → GetDetector in the cluster's account and region (shared by every
   * cluster there). An empty list means GuardDuty has no detector there.
   */
  guardDutyDetectors: Part<EksGuardDutyDetector[]>;
  /**
   * logs:DescribeLogGroups with `logGroupNamePrefix=/aws/eks/<cluster>/cluster`, keeping the
   * exact name only: empty when the control-plane log group does not exist.
   */
  controlPlaneLogGroup: Part<Wire<LogGroup>[]>;
  /**
   * kms:DescribeKey, kms:GetKeyRotationStatus and kms:GetKeyPolicy of the Secrets key;
   * `not_collected` when the cluster has no Secrets encryption key to look up.
   */
  secretsKey: Part<EksSecretsKey>;
  /** ListIdentityProviderConfigs → DescribeIdentityProviderConfig for each config. */
  identityProviderConfigs: Part<EksIdentityProviderConfig[]>;
  /** ec2:DescribeSubnets of every subnet of the cluster and its managed node groups. */
  subnets: Part<EksSubnet[]>;
  /** ec2:DescribeRouteTables filtered by the cluster's `vpc-id` (main table included). */
  routeTables: Part<EksRouteTable[]>;
  /** ec2:DescribeVpcs of `cluster.resourcesVpcConfig.vpcId`. */
  vpc: Part<EksVpc>;
  /**
   * ec2:DescribeSecurityGroupRules filtered by `group-id` = the cluster security group and the
   * additional control-plane security groups.
   */
  clusterSecurityGroupRules: Part<EksSecurityGroupRule[]>;
  /**
   * ec2:DescribeLaunchTemplateVersions of each node group's `launchTemplate` {id, version}
   * (`$Latest`/`$Default` resolved by the API).
   */
  launchTemplateVersions: Part<EksLaunchTemplateVersion[]>;
  /** ec2:GetEbsEncryptionByDefault `EbsEncryptionByDefault` of the cluster's region. */
  ebsEncryptionByDefault: Part<boolean>;
  /**
   * IAM roles the cluster uses: `cluster.roleArn`, every node group's `nodeRole` and every Fargate
   * profile's `podExecutionRoleArn` (iam:GetRole, ListAttachedRolePolicies, ListRolePolicies,
   * GetRolePolicy, and GetPolicy + GetPolicyVersion of attached customer managed policies). A
   * role that could not be read is missing from the list and named in the part's `errors`.
   */
  iamRoles: Part<EksIamRole[]>;
  /** iam:ListOpenIDConnectProviders `OpenIDConnectProviderList[].Arn` of the account. */
  oidcProviderArns: Part<string[]>;
  /**
   * iam:ListRoles (all pages), keeping the roles whose trust policy names the cluster's OIDC
   * provider as `Federated` principal; `AssumeRolePolicyDocument` decoded.
   */
  irsaRoles: Part<Wire<Role>[]>;
  /**
   * eks:DescribeAddonVersions for the cluster's Kubernetes version (all pages), one entry per
   * add-on name.
   */
  addonVersions: Part<EksAddonInfo[]>;
  /** ecr:GetRegistryScanningConfiguration of the cluster's account and region. */
  ecrScanningConfiguration: Part<EksEcrScanningConfiguration>;
  /** ecr:DescribeRepositories of the cluster's account and region (all pages). */
  ecrRepositories: Part<EksEcrRepository[]>;
  /**
   * ecr:GetRepositoryPolicy of each repository; `policyText` absent when the call answered
   * RepositoryPolicyNotFoundException (no policy).
   */
  ecrRepositoryPolicies: Part<{ repositoryName: string; policyText?: string }[]>;
  /**
   * elasticloadbalancing:DescribeLoadBalancers + DescribeTags, keeping those tagged
   * `elbv2.k8s.aws/cluster=<name>` or `kubernetes.io/cluster/<name>`, each with
   * DescribeListeners.
   */
  loadBalancers: Part<EksLoadBalancer[]>;
}

export interface EksSnapshot extends SnapshotBase {
  provider: 'eks';
  /** DescribeCluster `cluster`, as the API returned it. */
  cluster: EksCluster;
  parts: EksParts;
}
