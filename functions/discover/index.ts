// Source-mapped stack traces (read lazily) before anything else loads.
import '../shared/install-source-mapped-stacks';
import { createAwsDiscovery } from '../../providers/aws/discovery';
import { readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { makeHandler } from './handler';

// Built once per execution environment (cold start), reused by every invocation.
const settings = readFunctionSettings();
const { logger, metrics } = createObservability();
const { memberRoleName, externalId } = settings.config.aws;
// Organization accounts with the function's own role; enabled regions through the member role.
const discovery = createAwsDiscovery({
  region: settings.region,
  assumeRole: { roleName: memberRoleName, ...(externalId === undefined ? {} : { externalId }) },
});

export const handler = makeHandler({
  config: settings.config,
  store: findingsStore(settings.bucket, settings.region),
  logger,
  metrics,
  clock: () => new Date(),
  aws: {
    listOrganizationAccounts: (scope) => discovery.listOrganizationAccounts(scope),
    listEnabledRegions: (account) => discovery.listEnabledRegions(account),
  },
});
