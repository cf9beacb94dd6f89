// Source-mapped stack traces (read lazily) before anything else loads.
import '../shared/install-source-mapped-stacks';
import { readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { discoveryHooksFor } from './discovery-hooks';
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
  // Per invocation: organization accounts with the function's own role, enabled regions and
  // cluster lists through the member role; GCP projects and clusters, Azure subscriptions and
  // clusters through the configured federation (or an opt-in secret read now).
  discovery: () => discoveryHooksFor(settings.config, { region: settings.region }),
});
