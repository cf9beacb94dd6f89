import * as z from 'zod';
import type { Logger } from '../../core/logger';
import { type AwsDiscoveryHooks, type DiscoveryHooks, discover } from '../../pipeline/discover';
import { keys } from '../../pipeline/keys';
import type { RunConfig } from '../../pipeline/run-config';
import { newRunRef } from '../../pipeline/run-ref';
import type { ObjectStore, RunRef } from '../../pipeline/types';
import { parseEvent } from '../shared/invalid-input';
import { type MetricsSink, MetricUnit } from '../shared/observability';

/** What the state machine passes: its execution's name and start time, and its own input. */
export const DiscoverEvent = z.object({
  executionName: z.string().min(1),
  startedAt: z.iso.datetime({ offset: true }),
  input: z.unknown().optional(),
});
export type DiscoverEvent = z.infer<typeof DiscoverEvent>;

/** What the state machine keeps: keys and counts only, never the targets themselves. */
export interface DiscoverStepOutput {
  run: RunRef;
  targetsKey: string;
  /** A JSON array of the run's targets: the Distributed Map's items (its ItemReader needs an array). */
  itemsKey: string;
  targets: number;
  discoveryErrors: number;
}

export interface DiscoverHandlerDeps {
  config: RunConfig;
  store: ObjectStore;
  logger: Logger;
  metrics: MetricsSink;
  clock: () => Date;
  aws?: AwsDiscoveryHooks;
  /**
   * Discovery hooks made per invocation: GCP and Azure credentials (and opt-in secrets) live
   * one invocation, like the audit-target function's. `aws` above takes precedence.
   */
  discovery?: () => DiscoveryHooks;
}

/**
 * The run of an execution: stamped with its start time, named after the execution (so a retried
 * discover of the same execution writes the same run), in the characters a run id allows.
 */
export function runRefForExecution(event: DiscoverEvent): RunRef {
  const suffix = event.executionName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 63);
  return newRunRef(new Date(event.startedAt), suffix);
}

/** Lambda handler of the `discover` step: `pipeline/discover.ts` plus the Map's item list. */
export function makeHandler(deps: DiscoverHandlerDeps) {
  return async (event: unknown): Promise<DiscoverStepOutput> => {
    const input = parseEvent(DiscoverEvent, event, 'discover');
    const hooks = deps.discovery?.() ?? {};
    const aws = deps.aws ?? hooks.aws;
    try {
      const out = await discover(
        deps.config,
        {
          store: deps.store,
          clock: deps.clock,
          logger: deps.logger,
          ...(aws === undefined ? {} : { aws }),
          ...(hooks.gcp === undefined ? {} : { gcp: hooks.gcp }),
          ...(hooks.azure === undefined ? {} : { azure: hooks.azure }),
        },
        runRefForExecution(input),
      );
      const itemsKey = keys.mapItems(out.run);
      await deps.store.put(itemsKey, `${JSON.stringify(out.targets)}\n`, 'application/json');
      const discoveryErrors = out.errors?.length ?? 0;
      deps.metrics.addMetric('TargetsDiscovered', MetricUnit.Count, out.targets.length);
      deps.metrics.addMetric('DiscoveryErrors', MetricUnit.Count, discoveryErrors);
      return {
        run: out.run,
        targetsKey: out.targetsKey,
        itemsKey,
        targets: out.targets.length,
        discoveryErrors,
      };
    } finally {
      deps.metrics.publishStoredMetrics();
    }
  };
}
