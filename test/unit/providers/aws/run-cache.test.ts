import { describe, expect, it } from 'vitest';
import { collected, failed, type Part } from '../../../../core/snapshot';
import { RunCache } from '../../../../providers/aws/run-cache';

const TTL = 10 * 60 * 1000;

function counting(result: () => Part<number>) {
  let calls = 0;
  return {
    fetch: async () => {
      calls += 1;
      return result();
    },
    calls: () => calls,
  };
}

describe('RunCache', () => {
  it('fetches a key once while fresh, per scope, and again after the TTL', async () => {
    let now = 0;
    const cache = new RunCache(TTL, () => new Date(now));
    const f = counting(() => collected(1, ['iam:ListRoles']));
    const a = cache.scope('account:111122223333');
    const b = cache.scope('account:444455556666');
    await Promise.all([a.once('roles', f.fetch), a.once('roles', f.fetch)]);
    expect(f.calls()).toBe(1);
    await b.once('roles', f.fetch);
    expect(f.calls()).toBe(2);
    now += TTL - 1;
    await a.once('roles', f.fetch);
    expect(f.calls()).toBe(2);
    now += 1;
    await a.once('roles', f.fetch);
    expect(f.calls()).toBe(3);
  });

  it('does not keep a failed part, so the next target asks again', async () => {
    const cache = new RunCache(TTL, () => new Date(0));
    const f = counting(() =>
      failed([{ operation: 'iam:ListRoles', code: 'ThrottlingException', message: 'slow down' }]),
    );
    expect((await cache.once('roles', f.fetch)).state).toBe('failed');
    await cache.once('roles', f.fetch);
    expect(f.calls()).toBe(2);
  });
});
