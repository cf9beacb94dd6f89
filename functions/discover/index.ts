import { readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { makeHandler } from './handler';

// Built once per execution environment (cold start), reused by every invocation.
const settings = readFunctionSettings();
const { logger, metrics } = createObservability();

export const handler = makeHandler({
  config: settings.config,
  store: findingsStore(settings.bucket, settings.region),
  logger,
  metrics,
  clock: () => new Date(),
});
