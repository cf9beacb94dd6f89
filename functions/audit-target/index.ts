// Source-mapped stack traces (read lazily) before anything else loads.
import '../shared/install-source-mapped-stacks';
import { readFunctionSettings } from '../shared/environment';
import { createObservability } from '../shared/observability';
import { findingsStore } from '../shared/store';
import { checksFor } from './checks-for';
import { environmentHandler } from './environment-handler';

// Built once per execution environment (cold start), reused by every invocation; so is the
// cache of objects shared by targets (environment-handler.ts).
const settings = readFunctionSettings();
const { logger, metrics } = createObservability();

export const handler = environmentHandler({
  config: settings.config,
  store: findingsStore(settings.bucket, settings.region),
  // Per invocation: the function's own role for its own account, the member role elsewhere;
  // GCP and Azure through the configured federation (or an opt-in secret read now).
  wiring: { region: settings.region },
  // Only the target's cloud's checks and collector are imported (on its first target).
  checks: checksFor,
  logger,
  metrics,
  clock: () => new Date(),
});
