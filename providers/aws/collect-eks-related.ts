import type { EC2Client } from '@aws-sdk/client-ec2';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { Part } from '../../core/snapshot';
import type { EksCluster, EksNodegroup, EksOptionalParts } from '../../core/snapshot-eks';
import { collectAccessEntries } from './collect-access-entries';
import { collectAddons, collectAddonVersions } from './collect-addons';
import { collectIdentityProviderConfigs } from './collect-identity-providers';
import { collectLaunchTemplateVersions } from './collect-launch-templates';
import {
  collectClusterSecurityGroupRules,
  collectEbsEncryptionByDefault,
  collectRouteTables,
  collectSubnets,
  collectVpc,
} from './collect-network';
import type { TargetCache } from './target-cache';

/** The AWS clients of one target (account+region), shared by its clusters. */
export interface TargetClients {
  eks: EKSClient;
  ec2: EC2Client;
}

/** A part that cannot be asked for because the cluster lacks the field it is looked up by. */
const missing = (field: string, operation: string): Part<never> => ({
  state: 'failed',
  errors: [
    { operation, code: 'MissingField', message: `the cluster has no ${field} to look it up by` },
  ],
});

/**
 * The related parts of one cluster that the EKS checks read, collected at the same time. A
 * failed call fails only its own part. Region-wide objects come from `shared`.
 */
export async function collectEksRelated(
  clients: TargetClients,
  shared: TargetCache,
  cluster: EksCluster,
  nodegroupsPart: Part<EksNodegroup[]>,
): Promise<Partial<EksOptionalParts>> {
  const { ec2 } = clients;
  const vpcId = cluster.resourcesVpcConfig?.vpcId;
  // Node groups that could not be listed leave their subnets and templates out (the part
  // records that error); the cluster's own subnets are still described.
  const nodegroups = nodegroupsPart.state === 'collected' ? nodegroupsPart.value : [];
  const name = cluster.name ?? '';
  const version = cluster.version;
  const [accessEntries, addons, identityProviderConfigs, addonVersions] = await Promise.all([
    collectAccessEntries(clients.eks, name),
    collectAddons(clients.eks, name),
    collectIdentityProviderConfigs(clients.eks, name),
    version === undefined
      ? undefined
      : shared.once(`addonVersions:${version}`, () => collectAddonVersions(clients.eks, version)),
  ]);
  const [vpc, subnets, routeTables, clusterSecurityGroupRules, launchTemplateVersions, ebs] =
    await Promise.all([
      vpcId === undefined
        ? missing('resourcesVpcConfig.vpcId', 'ec2:DescribeVpcs')
        : shared.once(`vpc:${vpcId}`, () => collectVpc(ec2, vpcId)),
      collectSubnets(ec2, cluster, nodegroups),
      vpcId === undefined
        ? missing('resourcesVpcConfig.vpcId', 'ec2:DescribeRouteTables')
        : shared.once(`routeTables:${vpcId}`, () => collectRouteTables(ec2, vpcId)),
      collectClusterSecurityGroupRules(ec2, cluster),
      collectLaunchTemplateVersions(ec2, shared, nodegroups),
      shared.once('ebsEncryptionByDefault', () => collectEbsEncryptionByDefault(ec2)),
    ]);
  return {
    vpc,
    subnets,
    routeTables,
    clusterSecurityGroupRules,
    launchTemplateVersions,
    ebsEncryptionByDefault: ebs,
    accessEntries,
    addons,
    identityProviderConfigs,
    ...(addonVersions === undefined ? {} : { addonVersions }),
  };
}
