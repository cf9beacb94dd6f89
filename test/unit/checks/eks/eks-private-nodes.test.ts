import { describe, expect, it } from 'vitest';
import { eksPrivateNodes as check } from '../../../../checks/eks/eks-private-nodes';
import { collected } from '../../../../core/snapshot';
import type { EksRouteTable, EksSubnet } from '../../../../core/snapshot-eks';
import { launchTemplateVersionsExample, subnetExample } from '../../../builders/ec2';
import {
  describeClusterExample,
  describeNodegroupExample,
  eksSnapshot,
  evaluate,
} from '../../../builders/eks';

/** A DescribeRouteTables entry in the shape of the EC2 API model, for subnet-8EXAMPLE's VPC. */
function routeTable(
  gatewayId: string,
  association: { SubnetId?: string; Main?: boolean },
): EksRouteTable {
  return {
    RouteTableId: 'rtb-0b4e9c0c5EXAMPLE',
    VpcId: 'vpc-3EXAMPLE',
    OwnerId: '111122223333',
    Associations: [
      {
        RouteTableAssociationId: 'rtbassoc-0EXAMPLE',
        RouteTableId: 'rtb-0b4e9c0c5EXAMPLE',
        Main: false,
        ...association,
      },
    ],
    Routes: [
      {
        DestinationCidrBlock: '172.31.0.0/16',
        GatewayId: 'local',
        Origin: 'CreateRouteTable',
        State: 'active',
      },
      {
        DestinationCidrBlock: '0.0.0.0/0',
        GatewayId: gatewayId,
        Origin: 'CreateRoute',
        State: 'active',
      },
    ],
    PropagatingVgws: [],
    Tags: [],
  };
}

function snapshot(subnet: EksSubnet, tables: EksRouteTable[], launchTemplate = false) {
  const nodegroup = describeNodegroupExample();
  nodegroup.subnets = [subnet.SubnetId ?? ''];
  if (launchTemplate)
    nodegroup.launchTemplate = { id: 'lt-068f72b72934aff71', version: '$Default' };
  return eksSnapshot(describeClusterExample(), {
    nodegroups: collected([nodegroup], ['eks:ListNodegroups', 'eks:DescribeNodegroup']),
    subnets: collected([subnet], ['ec2:DescribeSubnets']),
    routeTables: collected(tables, ['ec2:DescribeRouteTables']),
    launchTemplateVersions: collected(launchTemplateVersionsExample(), [
      'ec2:DescribeLaunchTemplateVersions',
    ]),
  });
}

describe('eks-private-nodes', () => {
  it('fails the docs default subnet (public IP on launch) routed to an internet gateway', () => {
    const [result] = evaluate(
      check,
      snapshot(subnetExample(), [routeTable('igw-0EXAMPLE', { SubnetId: 'subnet-8EXAMPLE' })]),
    );
    expect(result?.status).toBe('fail');
    expect(result?.message).toContain('igw-0EXAMPLE');
    expect(result?.evidence).toContainEqual({
      path: 'parts.subnets.value[0].MapPublicIpOnLaunch',
      value: true,
    });
  });

  it('uses the VPC main route table for a subnet without an explicit association', () => {
    const [result] = evaluate(
      check,
      snapshot(subnetExample(), [routeTable('igw-0EXAMPLE', { Main: true })]),
    );
    expect(result?.status).toBe('fail');
  });

  it('passes a subnet whose default route goes through a NAT gateway', () => {
    const [result] = evaluate(
      check,
      snapshot(subnetExample(), [routeTable('nat-0EXAMPLE', { SubnetId: 'subnet-8EXAMPLE' })]),
    );
    expect(result?.status).toBe('pass');
  });

  it('passes an internet-routed subnet that does not assign public IPs', () => {
    const subnet = { ...subnetExample(), MapPublicIpOnLaunch: false };
    expect(
      evaluate(
        check,
        snapshot(subnet, [routeTable('igw-0EXAMPLE', { SubnetId: 'subnet-8EXAMPLE' })]),
      )[0]?.status,
    ).toBe('pass');
  });

  it('fails when the launch template assigns a public IP even though the subnet does not (docs template v1)', () => {
    const subnet = { ...subnetExample(), MapPublicIpOnLaunch: false };
    const [result] = evaluate(
      check,
      snapshot(subnet, [routeTable('igw-0EXAMPLE', { SubnetId: 'subnet-8EXAMPLE' })], true),
    );
    expect(result?.status).toBe('fail');
  });

  it('regression: does not pass on endpointPrivateAccess alone (Prowler reads only that)', () => {
    expect(describeClusterExample().resourcesVpcConfig?.endpointPrivateAccess).toBe(true);
    const [result] = evaluate(
      check,
      snapshot(subnetExample(), [routeTable('igw-0EXAMPLE', { SubnetId: 'subnet-8EXAMPLE' })]),
    );
    expect(result?.status).toBe('fail');
  });

  it('is unknown when a subnet has no route table or the subnets were not described', () => {
    expect(evaluate(check, snapshot(subnetExample(), []))[0]?.status).toBe('unknown');
    const plain = eksSnapshot(describeClusterExample(), {
      nodegroups: collected(
        [describeNodegroupExample()],
        ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
      ),
    });
    expect(evaluate(check, plain)[0]?.message).toContain('ec2:DescribeSubnets');
  });
});
