// Source-mapped stack traces (read lazily) before anything else loads.
import '../shared/install-source-mapped-stacks';
import { mutelistFromJson, mutelistFromStore } from '../../pipeline/mutelist-source';
import type { SecurityHubDestination } from '../../pipeline/securityhub-sync';
import { MUTELIST_ENV, readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { makeHandler } from './handler';

// Built once per execution environment (cold start), reused by every invocation.
const settings = readFunctionSettings();
const { logger, metrics } = createObservability();
const hubRegion = settings.config.securityHub.region ?? settings.region;
let destination: Promise<SecurityHubDestination> | undefined;

/**
 * Central findings go to this account's own custom-integration product in the configured
 * Region; in `owner-account` mode, EKS findings go to their cluster's account through the member
 * role. Resolved once (it needs the caller's account), retried after a failure. Its module (STS,
 * the destination) is imported on first use, so a run without Security Hub never loads it.
 */
function securityHub(): Promise<SecurityHubDestination> {
  destination ??= import('./security-hub')
    .then(({ resolveSecurityHub }) => resolveSecurityHub(settings, hubRegion))
    .catch((error: unknown) => {
      destination = undefined;
      throw error;
    });
  return destination;
}

const store = findingsStore(settings.bucket, settings.region);
// The deployed mutelist (stack configuration), or the one in the bucket, read at every run.
const deployedMutelist = process.env[MUTELIST_ENV];
const mutelistKey = settings.config.mutelistKey;
const mutelist =
  deployedMutelist !== undefined
    ? mutelistFromJson(deployedMutelist, 'the deployed mutelist (stack configuration)')
    : mutelistKey !== undefined
      ? mutelistFromStore(store, mutelistKey, `s3://${settings.bucket}/${mutelistKey}`)
      : undefined;

export const handler = makeHandler({
  store,
  ...(mutelist ? { mutelist } : {}),
  logger,
  metrics,
  clock: () => new Date(),
  ...(settings.config.securityHub.enabled ? { securityHub } : {}),
});
