import * as z from 'zod';
import type { Cloud } from './provider';

/** Observes every call a limiter ran: when it got its slot and when it settled (ms, `performance.now()`). */
export type CallObserver = (startedMs: number, endedMs: number) => void;

/**
 * At most `limit` cloud API calls in flight at once; the others wait in arrival order. One
 * limiter per cloud per process: in Lambda a process audits one target at a time, so the limit
 * is per account+region / project / subscription, the scope of the providers' read quotas.
 */
export class CallLimiter {
  #active = 0;
  readonly #waiting: (() => void)[] = [];
  #calls = 0;

  constructor(
    readonly limit: number,
    private readonly observe?: CallObserver,
  ) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`a call limit must be a whole number of at least 1, not ${limit}`);
    }
  }

  /** Calls run so far (each attempt of a retried call counts). */
  get calls(): number {
    return this.#calls;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.#active >= this.limit) {
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#active += 1;
    }
    this.#calls += 1;
    const started = performance.now();
    try {
      return await call();
    } finally {
      this.observe?.(started, performance.now());
      // The slot passes straight to the next waiter, so `#active` stays counted for it.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#active -= 1;
    }
  }
}

/**
 * Cloud API calls in flight per process, sized to the read quotas of each provider's scope
 * (account+region, project, subscription) at a typical 100-200 ms per call:
 * - AWS: EC2 Describe* share a token bucket of 100 with 20 refills/s per account and Region
 *   (EC2 API reference, "Request throttling"); EKS and IAM throttle at a similar order. 8 in
 *   flight at ~150 ms is ~50 calls/s for the few seconds a target's burst lasts, most of them
 *   EKS calls; the SDK's retries absorb the rest.
 * - GCP: Kubernetes Engine API 3,000 requests/min per project (50/s), Compute reads are per
 *   project per minute; 8 in flight at ~200 ms is ~40/s.
 * - Azure: ARM reads are a token bucket of 250 with 25 refills/s per subscription and Region
 *   ("Understand how Azure Resource Manager throttles requests"); 4 in flight at ~200 ms is
 *   ~20/s, within the refill rate once the bucket is spent.
 */
export const DEFAULT_CALLS_IN_FLIGHT: Readonly<Record<Cloud, number>> = {
  aws: 8,
  gcp: 8,
  azure: 4,
};

const Limit = z.number().int().min(1).max(256);

/** `callsInFlight` of a run configuration: per cloud, defaults above. */
export const CallsInFlight = z
  .strictObject({
    aws: Limit.default(DEFAULT_CALLS_IN_FLIGHT.aws),
    gcp: Limit.default(DEFAULT_CALLS_IN_FLIGHT.gcp),
    azure: Limit.default(DEFAULT_CALLS_IN_FLIGHT.azure),
  })
  .prefault({});
export type CallsInFlight = z.infer<typeof CallsInFlight>;
