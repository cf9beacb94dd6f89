import { Partition, SecurityHubClient } from '@aws-sdk/client-securityhub';
import { STSClient } from '@aws-sdk/client-sts';
import type { SecurityHubDestination } from '../../pipeline/publish';
import { type CallerIdentity, callerIdentity } from '../../providers/aws/caller-identity';
import { readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { makeHandler } from './handler';

// Built once per execution environment (cold start), reused by every invocation.
const settings = readFunctionSettings();
const { logger, metrics } = createObservability();
const hubRegion = settings.config.securityHub.region ?? settings.region;
// Adaptive retry with 8 attempts: BatchImportFindings throttles at ~10 calls/s per account
// (security-hub-and-auth.md §1.7), and a throttled batch must not become failed findings.
const hub = new SecurityHubClient({ region: hubRegion, retryMode: 'adaptive', maxAttempts: 8 });
let me: Promise<CallerIdentity> | undefined;

/** Findings go to this account's own custom-integration product, in the configured region. */
async function securityHub(): Promise<SecurityHubDestination> {
  me ??= callerIdentity(new STSClient({ region: settings.region })).catch((error: unknown) => {
    me = undefined;
    throw error;
  });
  const { account, partition } = await me;
  const known = Object.values(Partition).find((p) => p === partition);
  return { client: hub, account, region: hubRegion, partition: known ?? Partition.AWS };
}

export const handler = makeHandler({
  store: findingsStore(settings.bucket, settings.region),
  logger,
  metrics,
  clock: () => new Date(),
  ...(settings.config.securityHub.enabled ? { securityHub } : {}),
});
