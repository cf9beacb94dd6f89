import {
  type EC2Client,
  type Filter,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeRouteTables,
  paginateDescribeSecurityGroupRules,
  paginateDescribeSubnets,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { collected, failed, type Part } from '../../core/snapshot';
import type {
  EksCluster,
  EksNodegroup,
  EksRouteTable,
  EksSecurityGroupRule,
  EksSubnet,
  EksVpc,
} from '../../core/snapshot-eks';
import { toWire } from '../../core/wire';
import { toCollectionError } from './collection-error';
import { allPages } from './list-then-describe';

/** One EC2 call (every page) as a part: a failure fails this part only. */
async function ec2Part<T>(
  operation: string,
  resource: string,
  fetch: () => Promise<T>,
): Promise<Part<T>> {
  try {
    return collected(await fetch(), [operation]);
  } catch (error) {
    return failed([toCollectionError(operation, error, resource)]);
  }
}

/** ec2:DescribeVpcs of the cluster's VPC. */
export function collectVpc(ec2: EC2Client, vpcId: string): Promise<Part<EksVpc>> {
  return ec2Part('ec2:DescribeVpcs', vpcId, async () => {
    const vpcs = await allPages(
      paginateDescribeVpcs({ client: ec2 }, { VpcIds: [vpcId] }),
      (p) => p.Vpcs,
    );
    const vpc = vpcs.find((v) => v.VpcId === vpcId);
    if (vpc === undefined) throw new Error(`DescribeVpcs did not return ${vpcId}`);
    return toWire(vpc);
  });
}

/** ec2:DescribeSubnets of every subnet of the cluster and of its managed node groups. */
export function collectSubnets(
  ec2: EC2Client,
  cluster: EksCluster,
  nodegroups: readonly EksNodegroup[],
): Promise<Part<EksSubnet[]>> {
  const ids = [
    ...new Set([
      ...(cluster.resourcesVpcConfig?.subnetIds ?? []),
      ...nodegroups.flatMap((n) => n.subnets ?? []),
    ]),
  ];
  return ec2Part('ec2:DescribeSubnets', ids.join(','), async () =>
    ids.length === 0
      ? []
      : toWire(
          await allPages(
            paginateDescribeSubnets({ client: ec2 }, { SubnetIds: ids }),
            (p) => p.Subnets,
          ),
        ),
  );
}

/** ec2:DescribeRouteTables of the VPC (its main table included). */
export function collectRouteTables(ec2: EC2Client, vpcId: string): Promise<Part<EksRouteTable[]>> {
  const Filters: Filter[] = [{ Name: 'vpc-id', Values: [vpcId] }];
  return ec2Part('ec2:DescribeRouteTables', vpcId, async () =>
    toWire(
      await allPages(
        paginateDescribeRouteTables({ client: ec2 }, { Filters }),
        (p) => p.RouteTables,
      ),
    ),
  );
}

/** ec2:DescribeSecurityGroupRules of the cluster security group and the additional ones. */
export function collectClusterSecurityGroupRules(
  ec2: EC2Client,
  cluster: EksCluster,
): Promise<Part<EksSecurityGroupRule[]>> {
  const vpc = cluster.resourcesVpcConfig;
  const groups = [
    ...new Set([
      ...(vpc?.clusterSecurityGroupId === undefined ? [] : [vpc.clusterSecurityGroupId]),
      ...(vpc?.securityGroupIds ?? []),
    ]),
  ];
  const Filters: Filter[] = [{ Name: 'group-id', Values: groups }];
  return ec2Part('ec2:DescribeSecurityGroupRules', groups.join(','), async () =>
    groups.length === 0
      ? []
      : toWire(
          await allPages(
            paginateDescribeSecurityGroupRules({ client: ec2 }, { Filters }),
            (p) => p.SecurityGroupRules,
          ),
        ),
  );
}

/** ec2:GetEbsEncryptionByDefault of the region (one call per target). */
export function collectEbsEncryptionByDefault(ec2: EC2Client): Promise<Part<boolean>> {
  return ec2Part('ec2:GetEbsEncryptionByDefault', 'region', async () => {
    const out = await ec2.send(new GetEbsEncryptionByDefaultCommand({}));
    // The API always answers the flag; absent would be a malformed answer, not "off".
    if (out.EbsEncryptionByDefault === undefined) {
      throw new Error('the response has no EbsEncryptionByDefault');
    }
    return out.EbsEncryptionByDefault;
  });
}
