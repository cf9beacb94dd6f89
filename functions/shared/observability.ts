import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Logger as PipelineLogger } from '../../core/logger';

export { MetricUnit };

type Unit = (typeof MetricUnit)[keyof typeof MetricUnit];

/** What the handlers need of Powertools Metrics (a recorder in tests). */
export interface MetricsSink {
  addMetric(name: string, unit: Unit, value: number): unknown;
  publishStoredMetrics(): unknown;
}

/** The pipeline's logger interface over a Powertools Logger (structured JSON lines). */
export function pipelineLogger(logger: Logger): PipelineLogger {
  return {
    info: (message, extra) => logger.info(message, { ...extra }),
    warn: (message, extra) => logger.warn(message, { ...extra }),
    error: (message, extra) => logger.error(message, { ...extra }),
  };
}

/**
 * Powertools Logger and Metrics, configured from the environment the stack sets
 * (POWERTOOLS_SERVICE_NAME, POWERTOOLS_METRICS_NAMESPACE, POWERTOOLS_LOG_LEVEL).
 */
export function createObservability(): { logger: PipelineLogger; metrics: Metrics } {
  return { logger: pipelineLogger(new Logger()), metrics: new Metrics() };
}
