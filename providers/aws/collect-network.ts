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
import { describeByFilter, type IdBatch, partOfBatch } from './filter-batch';
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

/** The subnets of the cluster and of its managed node groups. */
export function subnetIdsOf(cluster: EksCluster, nodegroups: readonly EksNodegroup[]): string[] {
  return [
    ...new Set([
      ...(cluster.resourcesVpcConfig?.subnetIds ?? []),
      ...nodegroups.flatMap((n) => n.subnets ?? []),
    ]),
  ];
}

/**
 * ec2:DescribeSubnets of every subnet the target's clusters need, by the `subnet-id` filter (not
 * `SubnetIds`, which fails the whole call when one id does not exist): one call per
 * `EC2_FILTER_VALUES` ids, every page.
 */
export function describeSubnets(
  ec2: EC2Client,
  ids: readonly string[],
): Promise<IdBatch<EksSubnet>> {
  return describeByFilter('ec2:DescribeSubnets', 'subnet-id', ids, async (Filters) =>
    toWire(await allPages(paginateDescribeSubnets({ client: ec2 }, { Filters }), (p) => p.Subnets)),
  );
}

/**
 * The cluster's subnets out of the target's batch. A subnet the batch did not return fails the
 * part, as the cluster's own `SubnetIds` call would have (InvalidSubnetID.NotFound).
 */
export function subnetsPart(batch: IdBatch<EksSubnet>, ids: readonly string[]): Part<EksSubnet[]> {
  const part = partOfBatch(batch, ids, (s) => s.SubnetId, 'ec2:DescribeSubnets');
  if (part.state !== 'collected') return part;
  const found = new Set(part.value.map((s) => s.SubnetId));
  const missing = ids.find((id) => !found.has(id));
  if (missing === undefined) return part;
  return failed([
    {
      operation: 'ec2:DescribeSubnets',
      resource: ids.join(','),
      code: 'InvalidSubnetID.NotFound',
      message: `The subnet ID '${missing}' does not exist`,
    },
  ]);
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

/** The cluster security group and the additional ones. */
export function securityGroupIdsOf(cluster: EksCluster): string[] {
  const vpc = cluster.resourcesVpcConfig;
  return [
    ...new Set([
      ...(vpc?.clusterSecurityGroupId === undefined ? [] : [vpc.clusterSecurityGroupId]),
      ...(vpc?.securityGroupIds ?? []),
    ]),
  ];
}

/**
 * ec2:DescribeSecurityGroupRules of every security group the target's clusters need, by the
 * `group-id` filter: one call per `EC2_FILTER_VALUES` groups, every page.
 */
export function describeSecurityGroupRules(
  ec2: EC2Client,
  groups: readonly string[],
): Promise<IdBatch<EksSecurityGroupRule>> {
  return describeByFilter('ec2:DescribeSecurityGroupRules', 'group-id', groups, async (Filters) =>
    toWire(
      await allPages(
        paginateDescribeSecurityGroupRules({ client: ec2 }, { Filters }),
        (p) => p.SecurityGroupRules,
      ),
    ),
  );
}

/** The rules of the cluster's groups out of the target's batch (a group without rules has none). */
export function securityGroupRulesPart(
  batch: IdBatch<EksSecurityGroupRule>,
  groups: readonly string[],
): Part<EksSecurityGroupRule[]> {
  return partOfBatch(batch, groups, (r) => r.GroupId, 'ec2:DescribeSecurityGroupRules');
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
