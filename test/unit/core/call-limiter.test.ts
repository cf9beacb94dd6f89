import { describe, expect, it } from 'vitest';
import { CallLimiter, CallsInFlight, DEFAULT_CALLS_IN_FLIGHT } from '../../../core/call-limiter';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('CallLimiter', () => {
  it('never runs more calls than its limit, in arrival order, and counts them', async () => {
    const limiter = new CallLimiter(2);
    let inFlight = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        limiter.run(async () => {
          started.push(n);
          inFlight += 1;
          peak = Math.max(peak, inFlight);
          await tick();
          inFlight -= 1;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(limiter.calls).toBe(5);
  });

  it('frees the slot of a call that throws and reports every call to its observer', async () => {
    const seen: [number, number][] = [];
    const limiter = new CallLimiter(1, (start, end) => seen.push([start, end]));
    await expect(limiter.run(() => Promise.reject(new Error('denied')))).rejects.toThrow('denied');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(seen).toHaveLength(2);
    expect((seen[1] as [number, number])[0]).toBeGreaterThanOrEqual(
      (seen[0] as [number, number])[1],
    );
  });

  it('refuses a limit below 1', () => {
    expect(() => new CallLimiter(0)).toThrow(/at least 1/);
  });

  it('reads per-cloud limits with the quota-sized defaults', () => {
    expect(CallsInFlight.parse({})).toEqual(DEFAULT_CALLS_IN_FLIGHT);
    expect(CallsInFlight.parse({ azure: 3 }).azure).toBe(3);
    expect(() => CallsInFlight.parse({ aws: 0 })).toThrow();
    expect(() => CallsInFlight.parse({ oci: 4 })).toThrow();
  });
});
