import { notCollected } from '../../core/snapshot';
import type { EksParts } from '../../core/snapshot-eks';

/**
 * The calls of the access-entries part (collect-access-entries.ts). Kept here, not in the
 * collector, so that readers of snapshots and exports do not pull in the EKS client.
 */
export const ACCESS_ENTRY_OPERATIONS = [
  'eks:ListAccessEntries',
  'eks:DescribeAccessEntry',
  'eks:ListAssociatedAccessPolicies',
];

/**
 * Every part of an EKS snapshot, with the API operations that fill it. Typed as a record over
 * `keyof EksParts` so that a new part cannot be added without saying how it is collected; the
 * member role is granted these (permissions.ts), and readers of inputs that lack a part
 * (exports, older snapshot files) mark it `not_collected`.
 */
export const EKS_PART_OPERATIONS: Readonly<Record<keyof EksParts, readonly string[]>> = {
  nodegroups: ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
  clusterVersions: ['eks:DescribeClusterVersions'],
  accessEntries: ACCESS_ENTRY_OPERATIONS,
  addons: ['eks:ListAddons', 'eks:DescribeAddon'],
  fargateProfiles: ['eks:ListFargateProfiles', 'eks:DescribeFargateProfile'],
  podIdentityAssociations: [
    'eks:ListPodIdentityAssociations',
    'eks:DescribePodIdentityAssociation',
  ],
  identityProviderConfigs: [
    'eks:ListIdentityProviderConfigs',
    'eks:DescribeIdentityProviderConfig',
  ],
  addonVersions: ['eks:DescribeAddonVersions'],
  guardDutyDetectors: ['guardduty:ListDetectors', 'guardduty:GetDetector'],
  vpc: ['ec2:DescribeVpcs'],
  subnets: ['ec2:DescribeSubnets'],
  routeTables: ['ec2:DescribeRouteTables'],
  clusterSecurityGroupRules: ['ec2:DescribeSecurityGroupRules'],
  launchTemplateVersions: ['ec2:DescribeLaunchTemplateVersions'],
  ebsEncryptionByDefault: ['ec2:GetEbsEncryptionByDefault'],
  controlPlaneLogGroup: ['logs:DescribeLogGroups'],
  secretsKey: ['kms:DescribeKey', 'kms:GetKeyRotationStatus', 'kms:GetKeyPolicy'],
  iamRoles: [
    'iam:GetRole',
    'iam:ListAttachedRolePolicies',
    'iam:ListRolePolicies',
    'iam:GetRolePolicy',
    'iam:GetPolicy',
    'iam:GetPolicyVersion',
  ],
  oidcProviderArns: ['iam:ListOpenIDConnectProviders'],
  irsaRoles: ['iam:ListRoles'],
  ecrScanningConfiguration: ['ecr:GetRegistryScanningConfiguration'],
  ecrRepositories: ['ecr:DescribeRepositories'],
  ecrRepositoryPolicies: ['ecr:GetRepositoryPolicy'],
  loadBalancers: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeTags',
    'elasticloadbalancing:DescribeListeners',
  ],
};

export const EKS_PART_NAMES = Object.keys(EKS_PART_OPERATIONS) as (keyof EksParts)[];

/** Every part `not_collected`, each with the reason naming what the input lacks. */
export function eksPartsNotCollected(inputKind: string): EksParts {
  const entries = EKS_PART_NAMES.map((name) => [
    name,
    notCollected(`${inputKind} does not contain ${name} (${EKS_PART_OPERATIONS[name].join(', ')})`),
  ]);
  // Every key of EksParts is in EKS_PART_NAMES, each with a not_collected part.
  return Object.fromEntries(entries) as EksParts;
}
