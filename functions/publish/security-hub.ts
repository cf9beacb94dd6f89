import { Partition } from '@aws-sdk/client-securityhub';
import { STSClient } from '@aws-sdk/client-sts';
import { securityHubDestination } from '../../pipeline/securityhub-destination';
import type { SecurityHubDestination } from '../../pipeline/securityhub-sync';
import { type CallerIdentity, callerIdentity } from '../../providers/aws/caller-identity';
import type { FunctionSettings } from '../shared/environment';

// Loaded only when Security Hub import is on: STS and the destination stay out of the cold start.
let sts: STSClient | undefined;

/**
 * Central findings go to this account's own custom-integration product in `hubRegion`; in
 * `owner-account` mode, EKS findings go to their cluster's account through the member role.
 */
export async function resolveSecurityHub(
  settings: FunctionSettings,
  hubRegion: string,
): Promise<SecurityHubDestination> {
  sts ??= new STSClient({ region: settings.region });
  const client = sts;
  const { account, partition }: CallerIdentity = await callerIdentity(client);
  return securityHubDestination({
    config: settings.config,
    account,
    partition: Object.values(Partition).find((p) => p === partition) ?? Partition.AWS,
    region: hubRegion,
    sts: client,
  });
}
