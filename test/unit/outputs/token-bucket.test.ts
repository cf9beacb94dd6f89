import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../../outputs/token-bucket';

/** A clock that only moves when the bucket sleeps. */
function fakeTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('TokenBucket', () => {
  it('lets `capacity` calls through at once, then one per 1/rate second', async () => {
    const t = fakeTime();
    const bucket = new TokenBucket(10, 10, t.now, t.sleep);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await bucket.take();
      times.push(t.now());
    }
    expect(times.slice(0, 10).every((x) => x === 0)).toBe(true);
    expect(times[10]).toBe(100);
    expect(times[29]).toBe(2000);
    // At most capacity + rate × t calls in any window of t seconds.
    for (const start of times) {
      const inWindow = times.filter((x) => x >= start && x < start + 1000).length;
      expect(inWindow).toBeLessThanOrEqual(20);
    }
  });

  it('serves concurrent callers in order, one token each', async () => {
    const t = fakeTime();
    const bucket = new TokenBucket(10, 2, t.now, t.sleep);
    const order: number[] = [];
    await Promise.all([0, 1, 2, 3].map((i) => bucket.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3]);
    expect(t.now()).toBe(200);
  });

  it('refuses a rate or capacity that would never let a call through', () => {
    expect(() => new TokenBucket(0, 10)).toThrow(/positive rate/);
    expect(() => new TokenBucket(10, 0)).toThrow(/capacity of at least 1/);
  });
});
