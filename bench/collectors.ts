import type { CallLimiter } from '../core/call-limiter';
import type { Collector } from '../core/collector';
import type { Cloud } from '../core/provider';
import { createAwsCollector } from '../providers/aws/collector';
import { createAzureCollector } from '../providers/azure/collector';
import { createGcpCollector } from '../providers/gcp/collector';
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
