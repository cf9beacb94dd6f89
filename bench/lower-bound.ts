import type { Cloud } from '../core/provider';

/** One observed call: when it got its slot and when it settled (ms). */
export interface CallInterval {
  start: number;
  end: number;
}

/**
 * The most calls in a sequence where each starts after the previous one ended: with no limit
 * on calls in flight, that is the longest chain of calls that depend on each other (a call
 * needs an answer before it can be made), pages of a list included.
 */
export function longestChain(calls: readonly CallInterval[]): number {
  const byStart = [...calls].sort((a, b) => a.start - b.start);
  const byEnd = [...calls].sort((a, b) => a.end - b.end);
  const chainTo = new Map<CallInterval, number>();
  // The longest chain among the calls that ended before the current one started: a call that
  // ended before another started also started before it, so its chain is already known.
  let bestEnded = 0;
  let ended = 0;
  let longest = 0;
  for (const call of byStart) {
    for (; ended < byEnd.length && (byEnd[ended] as CallInterval).end <= call.start; ended++) {
      bestEnded = Math.max(bestEnded, chainTo.get(byEnd[ended] as CallInterval) ?? 0);
    }
    chainTo.set(call, bestEnded + 1);
    longest = Math.max(longest, bestEnded + 1);
  }
  return longest;
}

export interface LowerBound {
  /** The longest chain of dependent calls of any target × latency. */
  chainSeconds: number;
  /** Per cloud: its calls × latency ÷ its calls in flight. */
  callsSeconds: Record<Cloud, number>;
  seconds: number;
}

/**
 * No run can be faster than its longest chain of dependent calls, nor than its calls pushed
 * through each cloud's limit of calls in flight (each cloud has its own limiter, so the bound
 * is the largest of the per-cloud quotients, which is at least total calls ÷ total limit).
 */
export function lowerBound(args: {
  latencyMs: number;
  longestChain: number;
  calls: Record<Cloud, number>;
  callsInFlight: Record<Cloud, number>;
}): LowerBound {
  const l = args.latencyMs / 1000;
  const callsSeconds = {
    aws: (args.calls.aws * l) / args.callsInFlight.aws,
    gcp: (args.calls.gcp * l) / args.callsInFlight.gcp,
    azure: (args.calls.azure * l) / args.callsInFlight.azure,
  };
  const chainSeconds = args.longestChain * l;
  return {
    chainSeconds,
    callsSeconds,
    seconds: Math.max(chainSeconds, ...Object.values(callsSeconds)),
  };
}
