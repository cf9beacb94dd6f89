import type { AnyCheck } from '../../core/check';
import type { Collector } from '../../core/collector';
import type { Logger } from '../../core/logger';
import type { Cloud } from '../../core/provider';
import { auditTarget } from '../../pipeline/audit-target';
import type { RunConfig } from '../../pipeline/run-config';
import { AuditTargetInput, type AuditTargetOutput, type ObjectStore } from '../../pipeline/types';
import { parseEvent } from '../shared/invalid-input';
import { type MetricsSink, MetricUnit } from '../shared/observability';

export interface AuditTargetHandlerDeps {
  config: RunConfig;
  store: ObjectStore;
  /** The collectors, or a factory called once per invocation (per-invocation credentials). */
  collectors:
    | Partial<Record<Cloud, Collector>>
    | ((input: AuditTargetInput) => Partial<Record<Cloud, Collector>>);
  /** The checks, or a function giving a target cloud's checks (imported on demand). */
  checks: readonly AnyCheck[] | ((cloud: Cloud) => Promise<readonly AnyCheck[]>);
  logger: Logger;
  metrics: MetricsSink;
  clock: () => Date;
}

/**
 * Lambda handler of the `audit-target` step, one Distributed Map item: `pipeline/audit-target.ts`.
 * Returns only the result's key; the result itself is in S3 for publish.
 */
export function makeHandler(deps: AuditTargetHandlerDeps) {
  return async (event: unknown): Promise<AuditTargetOutput> => {
    const input = parseEvent(AuditTargetInput, event, 'audit-target');
    try {
      const { resultKey, result } = await auditTarget(input, {
        store: deps.store,
        collectors:
          typeof deps.collectors === 'function' ? deps.collectors(input) : deps.collectors,
        checks:
          typeof deps.checks === 'function' ? await deps.checks(input.target.cloud) : deps.checks,
        config: deps.config.checks,
        clock: deps.clock,
        logger: deps.logger,
      });
      deps.metrics.addMetric('ClustersAudited', MetricUnit.Count, result.clusters);
      deps.metrics.addMetric('Findings', MetricUnit.Count, result.findings);
      deps.metrics.addMetric('CollectionErrors', MetricUnit.Count, result.errors.length);
      return { resultKey };
    } finally {
      deps.metrics.publishStoredMetrics();
    }
  };
}
