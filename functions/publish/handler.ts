import type { Logger } from '../../core/logger';
import type { MutelistSource } from '../../pipeline/mutelist-source';
import { publish, type SecurityHubDestination } from '../../pipeline/publish';
import type { RunSummary } from '../../pipeline/run-summary';
import { type ObjectStore, PublishInput, type RunRef } from '../../pipeline/types';
import { parseEvent } from '../shared/invalid-input';
import { type MetricsSink, MetricUnit } from '../shared/observability';

/** Discovered targets without a usable result: the metric the `TargetsFailed` alarm watches. */
export const FAILED_TARGETS_METRIC = 'FailedTargets';

export interface PublishHandlerDeps {
  store: ObjectStore;
  logger: Logger;
  metrics: MetricsSink;
  clock: () => Date;
  /** Resolved per invocation (it needs the caller's account); absent: no Security Hub import. */
  securityHub?: () => Promise<SecurityHubDestination>;
  /** The accepted risks, loaded at every invocation; absent: nothing is muted. */
  mutelist?: MutelistSource;
}

/** The end state of an execution: small, whatever the size of the estate. */
export interface PublishStepOutput {
  run: RunRef;
  findingsKey: string;
  summaryKey: string;
  targets: RunSummary['targets']['byStatus'];
  findings: number;
  securityHub: { imported: number; failed: number } | 'off';
}

/** Lambda handler of the `publish` step: `pipeline/publish.ts`, and the run's metrics. */
export function makeHandler(deps: PublishHandlerDeps) {
  return async (event: unknown): Promise<PublishStepOutput> => {
    const input = parseEvent(PublishInput, event, 'publish');
    try {
      const securityHub = deps.securityHub === undefined ? undefined : await deps.securityHub();
      const out = await publish(input, {
        store: deps.store,
        clock: deps.clock,
        logger: deps.logger,
        ...(securityHub === undefined ? {} : { securityHub }),
        ...(deps.mutelist === undefined ? {} : { mutelist: deps.mutelist }),
      });
      const { summary } = out;
      const hub = summary.securityHub;
      deps.metrics.addMetric(
        FAILED_TARGETS_METRIC,
        MetricUnit.Count,
        summary.targets.byStatus.failed,
      );
      deps.metrics.addMetric('PartialTargets', MetricUnit.Count, summary.targets.byStatus.partial);
      deps.metrics.addMetric('Targets', MetricUnit.Count, summary.targets.total);
      const failing = Object.values(summary.findings.failedBySeverity).reduce((a, b) => a + b, 0);
      deps.metrics.addMetric('FailingFindings', MetricUnit.Count, failing);
      if (summary.mutelist) {
        deps.metrics.addMetric('MutedFindings', MetricUnit.Count, summary.mutelist.muted);
        deps.metrics.addMetric(
          'MutelistNotApplied',
          MetricUnit.Count,
          summary.mutelist.problem === undefined ? 0 : 1,
        );
      }
      if (hub.enabled) {
        // What the lifecycle sent, by kind: the cost (ingestion events) and the failures.
        const counts = {
          SecurityHubImported: hub.imported,
          SecurityHubUpdated: hub.updated,
          SecurityHubPassed: hub.passed,
          SecurityHubArchived: hub.archived,
          SecurityHubRefreshed: hub.refreshed,
          SecurityHubFailed: hub.failed,
          SecurityHubCalls: hub.calls,
        };
        for (const [name, value] of Object.entries(counts)) {
          deps.metrics.addMetric(name, MetricUnit.Count, value);
        }
      }
      return {
        run: out.run,
        findingsKey: out.findingsKey,
        summaryKey: out.summaryKey,
        targets: summary.targets.byStatus,
        findings: summary.findings.total,
        securityHub: hub.enabled ? { imported: hub.imported, failed: hub.failed } : 'off',
      };
    } finally {
      deps.metrics.publishStoredMetrics();
    }
  };
}
