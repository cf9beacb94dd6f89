import type { CallLimiter } from '../core/call-limiter';
import type { Collector } from '../core/collector';
import type { Cloud } from '../core/provider';
import type { DiscoveryHooks } from '../pipeline/discover';
import { createEksClusterLister } from '../providers/aws/cluster-discovery';
import { createAwsCollector } from '../providers/aws/collector';
import { createAzureCollector } from '../providers/azure/collector';
import { listAzureClusters } from '../providers/azure/discovery';
import { createGcpCollector } from '../providers/gcp/collector';
import { createGcpDiscovery } from '../providers/gcp/discovery';
import { awsClientConfig, fakeAzureCredential, fakeGoogleAuthClient } from '../sandbox/credentials';

/** The three production collectors pointed at a sandbox, each behind its cloud's limiter. */
export function sandboxCollectors(
  url: string,
  calls: Record<Cloud, CallLimiter>,
  memberRoleName: string,
): Record<Cloud, Collector> {
  const { credentials } = awsClientConfig(url);
  return {
    aws: createAwsCollector({
      endpoint: url,
      credentials,
      calls: calls.aws,
      assumeRole: { roleName: memberRoleName },
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
 * The production cluster listers of discover pointed at a sandbox, each behind its cloud's
 * limiter (the same limiters as the collectors: one process, one budget per cloud).
 */
export function sandboxListers(
  url: string,
  calls: Record<Cloud, CallLimiter>,
  memberRoleName: string,
): DiscoveryHooks {
  const { credentials } = awsClientConfig(url);
  const eks = createEksClusterLister({
    region: 'us-east-1',
    endpoint: url,
    credentials,
    calls: calls.aws,
    assumeRole: { roleName: memberRoleName },
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
