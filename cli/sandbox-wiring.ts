import { CallLimiter } from '../core/call-limiter';
import type { Collector } from '../core/collector';
import type { Cloud } from '../core/provider';
import { awsPartition } from '../outputs/asff';
import type { DiscoveryHooks } from '../pipeline/discover';
import type { RunConfig } from '../pipeline/run-config';
import { securityHubDestination } from '../pipeline/securityhub-destination';
import { callerIdentity } from '../providers/aws/caller-identity';
import { createEksClusterLister } from '../providers/aws/cluster-discovery';
import { createAwsCollector } from '../providers/aws/collector';
import { createAzureCollector } from '../providers/azure/collector';
import { listAzureClusters } from '../providers/azure/discovery';
import { createGcpCollector } from '../providers/gcp/collector';
import { createGcpDiscovery } from '../providers/gcp/discovery';
import {
  awsClientConfig,
  fakeAzureCredential,
  fakeGoogleAuthClient,
  stsClient,
} from '../sandbox/clients';

/** The member role the AWS clients assume in each account, as the run config names it. */
export type MemberRole = Pick<RunConfig['aws'], 'memberRoleName' | 'externalId'>;

/**
 * One call limiter per cloud, sized by the run config: discover's listers and the collectors
 * share them, so a cloud's limit holds for the whole process.
 */
export function callLimiters(callsInFlight: Record<Cloud, number>): Record<Cloud, CallLimiter> {
  return {
    aws: new CallLimiter(callsInFlight.aws),
    gcp: new CallLimiter(callsInFlight.gcp),
    azure: new CallLimiter(callsInFlight.azure),
  };
}

const assumeRoleOf = (role: MemberRole) => ({
  roleName: role.memberRoleName,
  ...(role.externalId === undefined ? {} : { externalId: role.externalId }),
});

/** The three production collectors pointed at a sandbox, each behind its cloud's limiter. */
export function sandboxCollectors(
  url: string,
  calls: Record<Cloud, CallLimiter>,
  memberRole: MemberRole,
): Record<Cloud, Collector> {
  const { credentials } = awsClientConfig(url);
  return {
    aws: createAwsCollector({
      endpoint: url,
      credentials,
      calls: calls.aws,
      assumeRole: assumeRoleOf(memberRole),
    }),
    gcp: createGcpCollector({
      endpoint: url,
      authClient: fakeGoogleAuthClient(),
      calls: calls.gcp,
    }),
    azure: createAzureCollector({
      endpoint: url,
      credential: fakeAzureCredential,
      calls: calls.azure,
    }),
  };
}

/**
 * The production cluster listers of discover (the ones `functions/discover` wires) pointed at
 * a sandbox, each behind its cloud's limiter (the same limiters as the collectors: one process,
 * one budget per cloud). With them discover drops empty scopes, splits large ones and hands the
 * listed GKE and AKS objects to the audits, as the deployed run does.
 */
export function sandboxListers(
  url: string,
  calls: Record<Cloud, CallLimiter>,
  memberRole: MemberRole,
): DiscoveryHooks {
  const { credentials } = awsClientConfig(url);
  const eks = createEksClusterLister({
    region: 'us-east-1',
    endpoint: url,
    credentials,
    calls: calls.aws,
    assumeRole: assumeRoleOf(memberRole),
  });
  const gke = createGcpDiscovery({
    endpoint: url,
    authClient: fakeGoogleAuthClient(),
    calls: calls.gcp,
  });
  return {
    aws: { listClusters: (account, region) => eks.listClusters(account, region) },
    gcp: { listClusters: (project) => gke.listClusters(project) },
    azure: {
      listClusters: (subscription) =>
        listAzureClusters(subscription, {
          endpoint: url,
          credential: fakeAzureCredential,
          calls: calls.azure,
        }),
    },
  };
}

/** The central Region of the sandbox's Security Hub (the run configuration names it too). */
export const SANDBOX_SECURITY_HUB_REGION = 'us-east-1';

/**
 * Publish's Security Hub destination on the sandbox, as a deployment makes it for its own
 * account (caller identity, partition, the central Region; member roles through STS).
 * `destroy` closes its clients.
 */
export async function sandboxSecurityHub(url: string, config: RunConfig) {
  const sts = stsClient(url);
  try {
    const me = await callerIdentity(sts);
    const { endpoint, credentials } = awsClientConfig(url);
    const hub = securityHubDestination({
      config,
      account: me.account,
      partition: awsPartition(me.partition) ?? 'aws',
      region: SANDBOX_SECURITY_HUB_REGION,
      clientConfig: { endpoint },
      credentials,
      sts,
    });
    return {
      hub,
      destroy: () => {
        hub.destroy();
        sts.destroy();
      },
    };
  } catch (error) {
    sts.destroy();
    throw error;
  }
}
