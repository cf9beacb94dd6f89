import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import type { CallLimiter } from '../../core/call-limiter';

/**
 * A pipeline policy (position `perRetry`) that makes each attempt of a request take a slot of
 * `limiter`: a throttled call waits for its `Retry-After` without holding a slot.
 */
export function callLimitPolicy(limiter: CallLimiter): PipelinePolicy {
  return {
    name: 'mk8sAuditCallLimit',
    sendRequest: (request, next) => limiter.run(() => next(request)),
  };
}
