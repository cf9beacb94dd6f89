import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import type { EksRouteTable } from '../../core/snapshot-eks';
import { launchTemplateVersionOf } from './lib/launch-template';
import { eachNodegroup } from './lib/nodegroups';

const SUBNETS = 'parts.subnets.value';
const TABLES = 'parts.routeTables.value';
const VERSIONS = 'parts.launchTemplateVersions.value';

/** The route table of a subnet: its explicit association, else the VPC's main table. */
function tableOf(subnetId: string, vpcId: string | undefined, tables: readonly EksRouteTable[]) {
  const explicit = tables.findIndex((t) =>
    (t.Associations ?? []).some((a) => a.SubnetId === subnetId),
  );
  if (explicit >= 0) return explicit;
  return tables.findIndex(
    (t) => t.VpcId === vpcId && (t.Associations ?? []).some((a) => a.Main === true),
  );
}

/** A default route (0.0.0.0/0 or ::/0) to an internet gateway, if the table has one. */
function internetRoute(table: EksRouteTable): number {
  return (table.Routes ?? []).findIndex(
    (r) =>
      (r.DestinationCidrBlock === '0.0.0.0/0' || r.DestinationIpv6CidrBlock === '::/0') &&
      (r.GatewayId ?? '').startsWith('igw-'),
  );
}

export const eksPrivateNodes: EksCheck = {
  meta: {
    id: 'eks-private-nodes',
    provider: 'eks',
    title: 'EKS managed node groups have no public IP addresses reachable from the internet',
    severity: 'high',
    family: 'private-nodes',
    categories: ['network'],
    risk: 'Nodes with public IPs in subnets routed to an internet gateway are directly reachable: kubelet, NodePort services and SSH are one security-group mistake away from the internet.',
    remediation: {
      summary:
        'Place node groups in private subnets (no public IP on launch, default route through a NAT gateway) and do not assign public IPs in launch templates.',
      cli: 'aws ec2 modify-subnet-attribute --subnet-id <subnet-id> --no-map-public-ip-on-launch (then recreate the node group in private subnets)',
      iac: 'CDK: cluster.addNodegroupCapacity("ng", { subnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }); Terraform aws_eks_node_group: subnet_ids = module.vpc.private_subnets',
      url: 'https://docs.aws.amazon.com/eks/latest/best-practices/subnets.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.3'] },
    reads: [
      'eks:DescribeNodegroup',
      'ec2:DescribeSubnets',
      'ec2:DescribeRouteTables',
      'ec2:DescribeLaunchTemplateVersions',
    ],
  },
  evaluate(snapshot) {
    const { ref, parts, cluster } = snapshot;
    const subnetsPart = parts.subnets;
    const tablesPart = parts.routeTables;
    const vpcId = cluster.resourcesVpcConfig?.vpcId;
    return eachNodegroup(snapshot, (nodegroup, path, subject) => {
      const name = `Node group ${subject.name} of cluster ${ref.name}`;
      const subnets = readPart(subnetsPart, 'Subnets', SUBNETS);
      if (!subnets.ok) return { ...subnets.outcome, subject };
      const tables = readPart(tablesPart, 'Route tables', TABLES);
      if (!tables.ok) return { ...tables.outcome, subject };
      // A launch template may assign public IPs whatever the subnet says.
      let templateAssigns: boolean | undefined;
      const evidence: Evidence[] = [ev(`${path}.subnets`, nodegroup.subnets)];
      if (nodegroup.launchTemplate && parts.launchTemplateVersions?.state === 'collected') {
        const found = launchTemplateVersionOf(nodegroup, parts.launchTemplateVersions.value);
        const nic = found?.version.LaunchTemplateData?.NetworkInterfaces?.find(
          (n) => (n.DeviceIndex ?? 0) === 0,
        );
        templateAssigns = nic?.AssociatePublicIpAddress;
        if (found && templateAssigns !== undefined) {
          evidence.push(
            ev(
              `${VERSIONS}[${found.index}].LaunchTemplateData.NetworkInterfaces[0].AssociatePublicIpAddress`,
              templateAssigns,
            ),
          );
        }
      }
      const exposed: string[] = [];
      const unreadable: string[] = [];
      for (const subnetId of nodegroup.subnets ?? []) {
        const index = subnets.value.findIndex((s) => s.SubnetId === subnetId);
        const subnet = subnets.value[index];
        if (!subnet) {
          unreadable.push(`${subnetId} was not described`);
          continue;
        }
        const tableIndex = tableOf(subnetId, subnet.VpcId ?? vpcId, tables.value);
        const table = tables.value[tableIndex];
        if (!table) {
          unreadable.push(`no route table found for ${subnetId}`);
          continue;
        }
        const route = internetRoute(table);
        const publicIp = templateAssigns ?? subnet.MapPublicIpOnLaunch === true;
        evidence.push(ev(`${SUBNETS}[${index}].MapPublicIpOnLaunch`, subnet.MapPublicIpOnLaunch));
        if (route >= 0)
          evidence.push(ev(`${TABLES}[${tableIndex}].Routes[${route}]`, table.Routes?.[route]));
        if (publicIp && route >= 0)
          exposed.push(
            `${subnetId} (public IP on launch, default route to ${table.Routes?.[route]?.GatewayId})`,
          );
      }
      if (exposed.length > 0) {
        return fail(
          `${name} launches nodes with public IPs in internet-routed subnets: ${exposed.join(', ')}.`,
          evidence,
          subject,
        );
      }
      if (unreadable.length > 0 || subnets.incomplete || tables.incomplete) {
        return unknown(
          `${name}: ${[...unreadable, subnets.incomplete, tables.incomplete].filter(Boolean).join('; ')}.`,
          evidence,
          subject,
        );
      }
      return pass(
        `${name} launches nodes without public IPs reachable from the internet.`,
        evidence,
        subject,
      );
    });
  },
};
