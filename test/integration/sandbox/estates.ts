import type { EstateInput } from '../../../sandbox/estate';
import { fixture } from '../../fixture';

export const ACCOUNT_A = '111122223333';
export const ACCOUNT_B = '444455556666';
export const REGION = 'us-east-2';

type Json = Record<string, unknown>;

/** The CLI docs' DescribeCluster example renamed into `account`/`region` as `name`. */
export function eksCluster(
  name: string,
  account = ACCOUNT_A,
  region = REGION,
): Json & { name: string } {
  const cluster = fixture<{ cluster: Json }>('aws/eks/describe-cluster.json').cluster;
  return { ...cluster, name, arn: `arn:aws:eks:${region}:${account}:cluster/${name}` };
}

/**
 * The CLI docs' DescribeNodegroup example, as a node group of `cluster`, with its own ARN: EKS
 * names each node group `.../nodegroup/<cluster>/<name>/<uuid>`, and checks identify node-group
 * results by that ARN, so two node groups sharing the example's ARN would share finding ids.
 */
export function eksNodegroup(
  cluster: string,
  name: string,
  account = ACCOUNT_A,
  region = REGION,
): Json & { nodegroupName: string } {
  const ng = fixture<{ nodegroup: Json }>('aws/eks/describe-nodegroup.json').nodegroup;
  const uuid = String(ng['nodegroupArn']).split('/').pop();
  return {
    ...ng,
    clusterName: cluster,
    nodegroupName: name,
    nodegroupArn: `arn:aws:eks:${region}:${account}:nodegroup/${cluster}/${name}/${uuid}`,
  };
}

/**
 * The VPC and subnets the docs' example cluster names (the EC2 parts look them up; the real
 * API answers `Invalid*.NotFound` for ids that do not exist).
 */
function networkOf(cluster: Json): { vpcs: Json[]; subnets: Json[] } {
  const vpc = cluster['resourcesVpcConfig'] as { vpcId: string; subnetIds: string[] };
  return {
    vpcs: [{ VpcId: vpc.vpcId, CidrBlock: '192.168.0.0/16', State: 'available', IsDefault: false }],
    subnets: vpc.subnetIds.map((id, i) => ({
      SubnetId: id,
      VpcId: vpc.vpcId,
      CidrBlock: `192.168.${i * 32}.0/19`,
      MapPublicIpOnLaunch: false,
      State: 'available',
    })),
  };
}

/**
 * The IAM roles the docs' examples name (cluster role, node role), in the CLI docs' GetRole
 * shape, so the collector's role lookups find them as they would in a real account.
 */
function docsRoles(): NonNullable<NonNullable<EstateInput['aws']>['accounts'][string]['iam']> {
  const role = fixture<{ Role: Json }>('aws/iam/get-role.json').Role;
  const cluster = fixture<{ cluster: { roleArn: string } }>('aws/eks/describe-cluster.json');
  const nodegroup = fixture<{ nodegroup: { nodeRole: string } }>('aws/eks/describe-nodegroup.json');
  const entry = (arn: string, service: string, policies: string[]) => ({
    role: {
      ...role,
      Arn: arn,
      RoleName: arn.slice(arn.lastIndexOf('/') + 1),
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
      },
    },
    attachedPolicies: policies.map((name) => ({
      PolicyName: name,
      PolicyArn: `arn:aws:iam::aws:policy/${name}`,
    })),
  });
  return {
    roles: [
      entry(cluster.cluster.roleArn, 'eks.amazonaws.com', ['AmazonEKSClusterPolicy']),
      entry(nodegroup.nodegroup.nodeRole, 'ec2.amazonaws.com', [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEC2ContainerRegistryReadOnly',
      ]),
    ],
  };
}

/** Account A with `count` clusters (`c01`…) in us-east-2, each with two node groups; account B empty. */
export function awsEstate(count = 7): EstateInput {
  const names = Array.from({ length: count }, (_, i) => `c${String(i + 1).padStart(2, '0')}`);
  return {
    aws: {
      callerAccount: ACCOUNT_A,
      organization: { managementAccount: ACCOUNT_A },
      clusterVersions: [
        {
          clusterVersion: '1.33',
          defaultVersion: true,
          releaseDate: '2025-05-29T00:00:00Z',
          endOfStandardSupportDate: '2026-07-29T00:00:00Z',
          endOfExtendedSupportDate: '2027-07-29T00:00:00Z',
          versionStatus: 'STANDARD_SUPPORT',
        },
        {
          clusterVersion: '1.26',
          defaultVersion: false,
          releaseDate: '2023-04-11T00:00:00Z',
          endOfStandardSupportDate: '2024-06-11T00:00:00Z',
          endOfExtendedSupportDate: '2025-06-11T00:00:00Z',
          versionStatus: 'UNSUPPORTED',
        },
      ],
      accounts: {
        [ACCOUNT_A]: {
          name: 'security-tooling',
          iam: docsRoles(),
          regions: {
            [REGION]: {
              clusters: names.map((n) => ({
                cluster: eksCluster(n),
                nodegroups: [eksNodegroup(n, 'ng-a'), eksNodegroup(n, 'ng-b')],
              })),
              related: networkOf(eksCluster('c01')),
            },
          },
        },
        [ACCOUNT_B]: { name: 'workloads', enabledRegions: ['eu-west-1'], regions: {} },
      },
    },
  };
}
