import { describe, expect, it } from 'vitest';
import { RunCache } from '../../../core/run-cache';
import { collected, failed, type Part } from '../../../core/snapshot';

const TTL = 10 * 60 * 1000;
const unlessFailed = (p: Part<unknown>) => p.state !== 'failed';

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
    await Promise.all([
      a.once('roles', f.fetch, unlessFailed),
      a.once('roles', f.fetch, unlessFailed),
    ]);
    expect(f.calls()).toBe(1);
    await b.once('roles', f.fetch, unlessFailed);
    expect(f.calls()).toBe(2);
    now += TTL - 1;
    await a.once('roles', f.fetch, unlessFailed);
    expect(f.calls()).toBe(2);
    now += 1;
    await a.once('roles', f.fetch, unlessFailed);
    expect(f.calls()).toBe(3);
  });

  it('keeps scopes apart: nested scopes, and a prefix that only looks like one', async () => {
    const cache = new RunCache(TTL, () => new Date(0));
    const f = counting(() => collected(1, ['x']));
    await cache.scope('aws').scope('account:1').once('roles', f.fetch, unlessFailed);
    await cache.scope('aws').once('account:1', f.fetch, unlessFailed);
    await cache.scope('gcp').scope('account:1').once('roles', f.fetch, unlessFailed);
    expect(f.calls()).toBe(3);
    await cache.scope('aws').scope('account:1').once('roles', f.fetch, unlessFailed);
    expect(f.calls()).toBe(3);
  });

  it('does not keep a failed part or a rejection, so the next target asks again', async () => {
    const cache = new RunCache(TTL, () => new Date(0));
    const f = counting(() =>
      failed([{ operation: 'iam:ListRoles', code: 'ThrottlingException', message: 'slow down' }]),
    );
    expect((await cache.once('roles', f.fetch, unlessFailed)).state).toBe('failed');
    await cache.once('roles', f.fetch, unlessFailed);
    expect(f.calls()).toBe(2);

    let rejections = 0;
    const reject = () => {
      rejections += 1;
      return Promise.reject(new Error('socket hang up'));
    };
    await expect(cache.once('k', reject, () => true)).rejects.toThrow('socket hang up');
    await expect(cache.once('k', reject, () => true)).rejects.toThrow('socket hang up');
    expect(rejections).toBe(2);
  });

  it('asks again for a key past its TTL, keeps fresh ones', async () => {
    let now = 0;
    const cache = new RunCache(TTL, () => new Date(now));
    const f = counting(() => collected(1, ['x']));
    await cache.once('a', f.fetch, unlessFailed);
    now = TTL * 3;
    await cache.once('b', f.fetch, unlessFailed);
    now = TTL * 3 + 1;
    await cache.once('a', f.fetch, unlessFailed);
    expect(f.calls()).toBe(3);
    now = TTL * 3 + 2;
    await cache.once('b', f.fetch, unlessFailed);
    expect(f.calls()).toBe(3);
  });
});
