import type { AnyCheck } from '../core/check';
import type { Collector } from '../core/collector';
import type { Logger } from '../core/logger';
import { mapLimit } from '../core/map-limit';
import type { Cloud } from '../core/provider';
import { type Target, targetLabel } from '../core/target';
import { auditTarget } from './audit-target';
import {
  type AwsDiscoveryHooks,
  type AzureDiscoveryHooks,
  discover,
  type GcpDiscoveryHooks,
} from './discover';
import type { MutelistSource } from './mutelist-source';
import { type PublishOutput, publish, type SecurityHubDestination } from './publish';
import type { RunConfig } from './run-config';
import { withTargetDeadline } from './target-deadline';
import type { DiscoverOutput, ObjectStore, RunRef, TargetResult } from './types';

export interface LocalRunDeps {
  store: ObjectStore;
  collectors: Partial<Record<Cloud, Collector>>;
  checks: readonly AnyCheck[];
  clock: () => Date;
  logger: Logger;
  aws?: AwsDiscoveryHooks;
  gcp?: GcpDiscoveryHooks;
  azure?: AzureDiscoveryHooks;
  /** Absent: no Security Hub import, whatever the config says (the caller decides). */
  securityHub?: SecurityHubDestination;
  /**
   * How long one target's audit may take (the Lambda timeout of the deployed step); past it the
   * target is failed and its late writes are dropped. Absent: no deadline.
   */
  targetTimeoutMs?: number;
  /** The accepted risks publish marks muted. */
  mutelist?: MutelistSource;
}

export interface LocalRunOutput {
  discovered: DiscoverOutput;
  /** The result of every target whose audit-target step finished. */
  results: TargetResult[];
  published: PublishOutput;
}

/**
 * A whole run in this process: discover → audit every target (at most `config.concurrency` of
 * each cloud at a time) → publish, with the same three functions the Lambda functions run. A target whose step
 * throws (e.g. its store write failed) is logged and left without a result, so publish reports
 * it as failed, exactly as a Map item that failed after its retries.
 */
export async function runLocal(
  config: RunConfig,
  deps: LocalRunDeps,
  run?: RunRef,
): Promise<LocalRunOutput> {
  const discovered = await discover(
    config,
    {
      store: deps.store,
      clock: deps.clock,
      logger: deps.logger,
      ...(deps.aws ? { aws: deps.aws } : {}),
      ...(deps.gcp ? { gcp: deps.gcp } : {}),
      ...(deps.azure ? { azure: deps.azure } : {}),
    },
    run,
  );
  const auditOne = async (target: Target): Promise<TargetResult | undefined> => {
    try {
      const { result } = await withTargetDeadline(
        deps.store,
        deps.targetTimeoutMs,
        targetLabel(target),
        (store) =>
          auditTarget(
            { run: discovered.run, target },
            {
              store,
              collectors: deps.collectors,
              checks: deps.checks,
              config: config.checks,
              clock: deps.clock,
              logger: deps.logger,
            },
          ),
      );
      return result;
    } catch (error) {
      deps.logger.error(`The audit of ${targetLabel(target)} did not finish`, {
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  };
  // Each cloud's targets go at their own pace, so every cloud's call limiter is busy from the
  // start instead of the clouds taking turns.
  const byCloud = new Map<Cloud, Target[]>();
  for (const t of discovered.targets) byCloud.set(t.cloud, [...(byCloud.get(t.cloud) ?? []), t]);
  const done = new Map<Target, TargetResult | undefined>();
  await Promise.all(
    [...byCloud.values()].map((targets) =>
      mapLimit(targets, config.concurrency, async (t) => done.set(t, await auditOne(t))),
    ),
  );
  const audited = discovered.targets.map((t) => done.get(t));
  const published = await publish(
    { run: discovered.run },
    {
      store: deps.store,
      clock: deps.clock,
      logger: deps.logger,
      ...(deps.securityHub ? { securityHub: deps.securityHub } : {}),
      ...(deps.mutelist ? { mutelist: deps.mutelist } : {}),
    },
  );
  return {
    discovered,
    results: audited.filter((r): r is TargetResult => r !== undefined),
    published,
  };
}
