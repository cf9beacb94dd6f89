import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { ECRClient } from '@aws-sdk/client-ecr';
import type { EKSClient } from '@aws-sdk/client-eks';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { GuardDutyClient } from '@aws-sdk/client-guardduty';
import type { IAMClient } from '@aws-sdk/client-iam';
import type { KMSClient } from '@aws-sdk/client-kms';
import { awaitAll } from '../../core/await-all';
import { notCollected, type Part } from '../../core/snapshot';
import type { EksCluster, EksNodegroup, EksParts } from '../../core/snapshot-eks';
import { collectAccessEntries } from './collect-access-entries';
import { collectAddons, collectAddonVersions } from './collect-addons';
import {
  collectEcrRepositories,
  collectEcrRepositoryPolicies,
  collectEcrScanning,
} from './collect-ecr';
import {
  collectFargateProfiles,
  collectPodIdentityAssociations,
} from './collect-fargate-pod-identity';
import { collectGuardDutyDetectors } from './collect-guardduty';
import { collectOidcProviderArns, collectRoles, irsaRolesOf } from './collect-iam';
import { clusterRoleArns, collectClusterRoles } from './collect-iam-roles';
import { collectIdentityProviderConfigs } from './collect-identity-providers';
import { collectLaunchTemplateVersions } from './collect-launch-templates';
import { collectClusterLoadBalancers, collectTaggedLoadBalancers } from './collect-load-balancers';
import { collectSecretsKey, secretsKeyArn } from './collect-logs-kms';
import { collectEbsEncryptionByDefault, collectRouteTables, collectVpc } from './collect-network';
import type { PartCache } from './target-cache';

/** The AWS clients of one target (account+region), shared by its clusters. */
export interface TargetClients {
  eks: EKSClient;
  ec2: EC2Client;
  iam: IAMClient;
  logs: CloudWatchLogsClient;
  kms: KMSClient;
  ecr: ECRClient;
  elb: ElasticLoadBalancingV2Client;
  guardDuty: GuardDutyClient;
}

/** The parts `collectEksRelated` fills: all but the node groups and the versions calendar. */
export type EksRelatedParts = Omit<EksParts, 'nodegroups' | 'clusterVersions'>;

/** Parts that one call per target fetches for all its clusters (see collector.ts). */
export type BatchedParts = {
  [K in 'subnets' | 'clusterSecurityGroupRules' | 'controlPlaneLogGroup']: Promise<
    EksRelatedParts[K]
  >;
};

/** A part that cannot be asked for because the cluster lacks the field it is looked up by. */
const missing = (field: string, operation: string): Part<never> => ({
  state: 'failed',
  errors: [
    { operation, code: 'MissingField', message: `the cluster has no ${field} to look it up by` },
  ],
});

/**
 * The related parts of one cluster that the EKS checks read, collected at the same time. A
 * failed call fails only its own part. Objects wider than the cluster come from `shared`, which
 * shares them per target, or per account for IAM's (see TargetCache); `batched` parts come from
 * calls the target makes once for all its clusters.
 */
export async function collectEksRelated(
  clients: TargetClients,
  shared: PartCache,
  cluster: EksCluster,
  nodegroupsPart: Part<EksNodegroup[]>,
  batched: BatchedParts,
): Promise<EksRelatedParts> {
  const { ec2 } = clients;
  const vpcId = cluster.resourcesVpcConfig?.vpcId;
  // Node groups that could not be listed leave their subnets, templates and roles out (the part
  // records that error); the cluster's own subnets and role are still read.
  const nodegroups = nodegroupsPart.state === 'collected' ? nodegroupsPart.value : [];
  const name = cluster.name ?? '';
  const version = cluster.version;
  const eks = await awaitAll({
    accessEntries: collectAccessEntries(clients.eks, name),
    addons: collectAddons(clients.eks, name),
    identityProviderConfigs: collectIdentityProviderConfigs(clients.eks, name),
    addonVersions:
      version === undefined
        ? missing('version', 'eks:DescribeAddonVersions')
        : shared.once(`addonVersions:${version}`, () => collectAddonVersions(clients.eks, version)),
    fargateProfiles: collectFargateProfiles(clients.eks, name),
    podIdentityAssociations: collectPodIdentityAssociations(clients.eks, name),
    guardDutyDetectors: shared.once('guardDutyDetectors', () =>
      collectGuardDutyDetectors(clients.guardDuty),
    ),
  });
  // Not awaited before the next group: subnets and security group rules wait on the target's
  // batched calls (all its clusters described), and the calls below need not wait with them.
  const networkParts = awaitAll({
    vpc:
      vpcId === undefined
        ? missing('resourcesVpcConfig.vpcId', 'ec2:DescribeVpcs')
        : shared.once(`vpc:${vpcId}`, () => collectVpc(ec2, vpcId)),
    subnets: batched.subnets,
    routeTables:
      vpcId === undefined
        ? missing('resourcesVpcConfig.vpcId', 'ec2:DescribeRouteTables')
        : shared.once(`routeTables:${vpcId}`, () => collectRouteTables(ec2, vpcId)),
    clusterSecurityGroupRules: batched.clusterSecurityGroupRules,
    launchTemplateVersions: collectLaunchTemplateVersions(ec2, shared, nodegroups),
    ebsEncryptionByDefault: shared.once('ebsEncryptionByDefault', () =>
      collectEbsEncryptionByDefault(ec2),
    ),
  });
  const keyArn = secretsKeyArn(cluster);
  const repositories = shared.once('ecrRepositories', () => collectEcrRepositories(clients.ecr));
  const profiles = eks.fargateProfiles.state === 'collected' ? eks.fargateProfiles.value : [];
  const { roles, ...others } = await awaitAll({
    controlPlaneLogGroup: batched.controlPlaneLogGroup,
    // No Secrets encryption: nothing to look up; the checks read that from the cluster.
    secretsKey:
      keyArn === undefined
        ? notCollected<never>('the cluster has no Secrets encryption key to look up')
        : shared.once(`secretsKey:${keyArn}`, () => collectSecretsKey(clients.kms, keyArn)),
    oidcProviderArns: shared.once('oidcProviderArns', () => collectOidcProviderArns(clients.iam)),
    roles: shared.once('roles', () => collectRoles(clients.iam)),
    iamRoles: collectClusterRoles(
      clients.iam,
      shared,
      clusterRoleArns(cluster, nodegroups, profiles),
    ),
    ecrScanningConfiguration: shared.once('ecrScanning', () => collectEcrScanning(clients.ecr)),
    ecrRepositories: repositories,
    ecrRepositoryPolicies: shared.once('ecrPolicies', async () =>
      collectEcrRepositoryPolicies(clients.ecr, await repositories),
    ),
    loadBalancers: shared
      .once('loadBalancers', () => collectTaggedLoadBalancers(clients.elb))
      .then((region) => collectClusterLoadBalancers(clients.elb, region, name)),
  });
  const network = await networkParts;
  return { ...eks, ...network, ...others, irsaRoles: irsaRolesOf(roles, cluster) };
}
