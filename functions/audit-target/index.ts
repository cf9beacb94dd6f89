import { ALL_CHECKS } from '../../checks/index';
import { createAwsCollector } from '../../providers/aws/collector';
import { readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { makeHandler } from './handler';

// Built once per execution environment (cold start), reused by every invocation.
const settings = readFunctionSettings();
const { logger, metrics } = createObservability();
const { memberRoleName, externalId } = settings.config.aws;

export const handler = makeHandler({
  config: settings.config,
  store: findingsStore(settings.bucket, settings.region),
  // The function's own role for its own account, the member role everywhere else.
  collectors: {
    aws: createAwsCollector({
      assumeRole: { roleName: memberRoleName, ...(externalId === undefined ? {} : { externalId }) },
    }),
  },
  checks: ALL_CHECKS,
  logger,
  metrics,
  clock: () => new Date(),
});
