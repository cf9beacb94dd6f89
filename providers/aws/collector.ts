import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECRClient } from '@aws-sdk/client-ecr';
import {
  type Cluster,
  DescribeClusterCommand,
  EKSClient,
  type EKSClientConfig,
  paginateListClusters,
} from '@aws-sdk/client-eks';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { GuardDutyClient } from '@aws-sdk/client-guardduty';
import { IAMClient } from '@aws-sdk/client-iam';
import { KMSClient } from '@aws-sdk/client-kms';
import { STSClient } from '@aws-sdk/client-sts';
import { CallLimiter, DEFAULT_CALLS_IN_FLIGHT } from '../../core/call-limiter';
import type { Collector, CollectProgress, TargetCollection } from '../../core/collector';
import { mapLimit } from '../../core/map-limit';
import { DEFAULT_RUN_CACHE_TTL_MS, RunCache } from '../../core/run-cache';
import { type CollectionError, failed, type Part } from '../../core/snapshot';
import type { EksCluster, EksNodegroup, EksSnapshot } from '../../core/snapshot-eks';
import type { AwsTarget } from '../../core/target';
import { toWire } from '../../core/wire';
import { assumeRoleCredentials } from './assume-role';
import { limitCalls } from './call-limit';
import { type CallerIdentity, callerIdentity } from './caller-identity';
import { collectClusterVersions } from './collect-cluster-versions';
import { type BatchedParts, collectEksRelated, type TargetClients } from './collect-eks-related';
import { collectControlPlaneLogGroups } from './collect-logs-kms';
import {
  describeSecurityGroupRules,
  describeSubnets,
  securityGroupIdsOf,
  securityGroupRulesPart,
  subnetIdsOf,
  subnetsPart,
} from './collect-network';
import { collectNodegroups } from './collect-nodegroups';
import { toCollectionError } from './collection-error';
import type { AwsCollectorOptions, AwsCredentials } from './collector-options';
import { eksRef } from './eks-ref';
import { TargetBatch } from './target-batch';
import { TargetCache, wideParts } from './target-cache';

/**
 * The SDK's standard retry with 8 attempts (its default is 3): a call throttled at a sustained
 * 30% still succeeds with odds of 1 - 0.3^8. Not `adaptive`: its client-side limiter halves the
 * sending rate after each throttle, and with one client per target that only slows the run
 * (measured on the sandbox: 30% throttling took twice as long, with the same result).
 */
export const AWS_RETRY = { retryMode: 'standard', maxAttempts: 8 } as const;

/**
 * A cluster described with its node groups, the error that stopped it, or gone (listed by
 * discover, deleted before its audit).
 */
type Described =
  | { cluster: EksCluster; collectedAt: string; nodegroups: Part<EksNodegroup[]> }
  | { error: CollectionError }
  | { gone: string };
type DescribedCluster = Extract<Described, { cluster: EksCluster }>;
type ClusterResult = { snapshot: EksSnapshot } | { error: CollectionError } | { gone: string };

type ClientConfig = Pick<
  EKSClientConfig,
  'region' | 'endpoint' | 'profile' | 'maxAttempts' | 'retryMode' | 'credentials'
>;

/**
 * Collects every EKS cluster of an AWS account+region: ListClusters → DescribeCluster, with
 * each cluster's node groups and the region's DescribeClusterVersions. A call that fails for one
 * cluster is recorded (as a target error when the cluster itself could not be described, else in
 * the cluster's part) and the other clusters complete. A target that names its clusters (listed by
 * discover) skips ListClusters and describes exactly those.
 */
export function createAwsCollector(opts: AwsCollectorOptions = {}): Collector {
  const now = opts.now ?? (() => new Date());
  const calls = opts.calls ?? new CallLimiter(DEFAULT_CALLS_IN_FLIGHT.aws);
  // As many clusters as call slots: a cluster waiting on one call leaves no slot idle.
  const concurrency = opts.concurrency ?? calls.limit;
  /**
   * Objects of an account's global services (IAM: role list, OIDC providers, each role and
   * customer managed policy) or of a Region's catalogs (EKS versions, add-on versions): shared by
   * the run's targets of that account or Region, and asked for again in the next run. Keys name
   * the account or the Region, never a credential: the role that read an object does not change
   * it (IAM's List and Get calls do not filter by the caller's permissions; a denied call fails
   * and is not kept). No partition either: one process or execution environment runs in one
   * partition, and Region names are the partition's own.
   */
  const wide = (
    opts.sharedCache ?? new RunCache(opts.sharedCacheTtlMs ?? DEFAULT_RUN_CACHE_TTL_MS, now)
  ).scope('aws');
  let caller: Promise<CallerIdentity> | undefined;

  const clientConfig = (region: string, credentials?: AwsCredentials): ClientConfig => ({
    region,
    ...(opts.endpoint === undefined ? {} : { endpoint: opts.endpoint }),
    ...(opts.profile === undefined ? {} : { profile: opts.profile }),
    retryMode: AWS_RETRY.retryMode,
    maxAttempts: opts.maxAttempts ?? AWS_RETRY.maxAttempts,
    ...(credentials === undefined ? {} : { credentials }),
  });

  const whoAmI = (region: string): Promise<CallerIdentity> => {
    if (caller === undefined) {
      const sts = limitCalls(new STSClient(clientConfig(region, opts.credentials)), calls);
      caller = callerIdentity(sts).finally(() => sts.destroy());
      caller.catch(() => {
        caller = undefined;
      });
    }
    return caller;
  };

  /** The role to assume for a target, or undefined to use the caller's own credentials. */
  const roleFor = async (target: AwsTarget): Promise<string | undefined> => {
    if (target.roleArn !== undefined) return target.roleArn;
    if (opts.assumeRole === undefined) return undefined;
    const me = await whoAmI(target.region);
    if (me.account === target.account) return undefined;
    return `arn:${me.partition}:iam::${target.account}:role/${opts.assumeRole.roleName}`;
  };

  const collectTarget = async (
    target: AwsTarget,
    progress: CollectProgress | undefined,
  ): Promise<TargetCollection> => {
    const fail = (error: CollectionError): TargetCollection => ({
      target,
      snapshots: [],
      errors: [error],
    });

    let roleArn: string | undefined;
    try {
      roleArn = await roleFor(target);
    } catch (error) {
      return fail(toCollectionError('sts:GetCallerIdentity', error));
    }
    let sts: STSClient | undefined;
    let credentials = opts.credentials;
    if (roleArn !== undefined) {
      sts = limitCalls(new STSClient(clientConfig(target.region, opts.credentials)), calls);
      const assumed = assumeRoleCredentials(sts, roleArn, {
        ...(opts.assumeRole?.externalId === undefined
          ? {}
          : { externalId: opts.assumeRole.externalId }),
        now,
      });
      try {
        await assumed();
      } catch (error) {
        sts.destroy();
        return fail(toCollectionError('sts:AssumeRole', error, roleArn));
      }
      credentials = assumed;
    }

    const config = clientConfig(target.region, credentials);
    const clients: TargetClients = {
      eks: limitCalls(new EKSClient(config), calls),
      ec2: limitCalls(new EC2Client(config), calls),
      iam: limitCalls(new IAMClient(config), calls),
      logs: limitCalls(new CloudWatchLogsClient(config), calls),
      kms: limitCalls(new KMSClient(config), calls),
      ecr: limitCalls(new ECRClient(config), calls),
      elb: limitCalls(new ElasticLoadBalancingV2Client(config), calls),
      guardDuty: limitCalls(new GuardDutyClient(config), calls),
    };
    try {
      return await collectClusters(target, clients, progress);
    } finally {
      for (const client of Object.values(clients)) client.destroy();
      sts?.destroy();
    }
  };

  const collectClusters = async (
    target: AwsTarget,
    clients: TargetClients,
    progress: CollectProgress | undefined,
  ): Promise<TargetCollection> => {
    const { eks } = clients;
    // Names discover listed for this target: the list is not repeated.
    const fromDiscover = target.clusters !== undefined;
    const names: string[] = [...(target.clusters ?? [])];
    if (!fromDiscover) {
      try {
        for await (const page of paginateListClusters({ client: eks }, {})) {
          names.push(...(page.clusters ?? []));
        }
      } catch (error) {
        return { target, snapshots: [], errors: [toCollectionError('eks:ListClusters', error)] };
      }
    }
    progress?.listed(names.length);
    if (names.length === 0) return { target, snapshots: [], errors: [] };

    // DescribeClusterVersions is the same for every account of a Region.
    const versions = wideParts(wide.scope(`region:${target.region}`)).once('clusterVersions', () =>
      collectClusterVersions(eks),
    );
    const shared = new TargetCache({
      // IAM is global: its roles, policies and OIDC providers serve every region of the account.
      account: wideParts(wide.scope(`account:${target.account}`)),
      // The add-on catalog is the Region's, the same in every account.
      region: wideParts(wide.scope(`region:${target.region}`)),
    });
    // Calls made once for all the target's clusters (TargetBatch): the subnets and security
    // group rules once every cluster has been described, the log groups right away.
    const subnets = new TargetBatch(names.length, (ids) => describeSubnets(clients.ec2, ids));
    const rules = new TargetBatch(names.length, (ids) =>
      describeSecurityGroupRules(clients.ec2, ids),
    );
    const logGroups = collectControlPlaneLogGroups(clients.logs, names);

    // Describing (with node groups) holds a slot of `concurrency`; the rest of a cluster runs
    // outside it, as it waits on the batches, which wait on every cluster being described.
    // Kept by list position, not by when describing ended, so a run's output order is stable.
    const rest: Promise<ClusterResult>[] = new Array(names.length);
    await mapLimit(names, concurrency, async (name, index) => {
      const described = await describeOne(name).catch(
        (error: unknown): Described => ({
          error: toCollectionError('eks:DescribeCluster', error, name),
        }),
      );
      rest[index] = complete(name, described);
    });
    const results = await Promise.all(rest);

    /** Says what the cluster needs from the batches (synchronously), then collects the rest. */
    async function complete(name: string, d: Described): Promise<ClusterResult> {
      try {
        if ('error' in d || 'gone' in d) {
          subnets.none();
          rules.none();
          return d;
        }
        const nodegroups = d.nodegroups.state === 'collected' ? d.nodegroups.value : [];
        const subnetIds = subnetIdsOf(d.cluster, nodegroups);
        const groupIds = securityGroupIdsOf(d.cluster);
        const batched: BatchedParts = {
          subnets: subnets.need(subnetIds).then((b) => subnetsPart(b, subnetIds)),
          clusterSecurityGroupRules: rules
            .need(groupIds)
            .then((b) => securityGroupRulesPart(b, groupIds)),
          controlPlaneLogGroup: logGroups.then(
            (m) =>
              m.get(name) ??
              failed([
                {
                  operation: 'logs:DescribeLogGroups',
                  resource: name,
                  code: 'NotListed',
                  message: 'the cluster was not in the listing of the target',
                },
              ]),
          ),
        };
        return { snapshot: await finish(d, batched) };
      } finally {
        progress?.clusterDone();
      }
    }

    async function describeOne(name: string): Promise<Described> {
      let cluster: Cluster | undefined;
      try {
        cluster = (await eks.send(new DescribeClusterCommand({ name }))).cluster;
      } catch (error) {
        // Listed by discover minutes ago and deleted since: it no longer exists, nothing to audit.
        if (fromDiscover && (error as { name?: unknown }).name === 'ResourceNotFoundException') {
          return { gone: name };
        }
        return { error: toCollectionError('eks:DescribeCluster', error, name) };
      }
      if (cluster === undefined) {
        return {
          error: {
            operation: 'eks:DescribeCluster',
            resource: name,
            code: 'EmptyResponse',
            message: 'the response has no cluster',
          },
        };
      }
      const collectedAt = now().toISOString();
      const wire = toWire(cluster);
      return { cluster: wire, collectedAt, nodegroups: await collectNodegroups(eks, name) };
    }

    async function finish(d: DescribedCluster, batched: BatchedParts): Promise<EksSnapshot> {
      const related = await collectEksRelated(clients, shared, d.cluster, d.nodegroups, batched);
      return {
        provider: 'eks',
        ref: eksRef(d.cluster, { account: target.account, region: target.region }),
        source: { kind: 'api', collectedAt: d.collectedAt },
        cluster: d.cluster,
        parts: { nodegroups: d.nodegroups, clusterVersions: await versions, ...related },
      };
    }

    return {
      target,
      snapshots: results.flatMap((r) => ('snapshot' in r ? [r.snapshot] : [])),
      errors: results.flatMap((r) => ('error' in r ? [r.error] : [])),
    };
  };

  return {
    // EKS lists names only: the names in `target.clusters` are all the collector needs.
    collect(target, progress) {
      if (target.cloud !== 'aws') {
        throw new Error(`the AWS collector cannot collect a ${target.cloud} target`);
      }
      return collectTarget(target, progress);
    },
  };
}
