import { describe, expect, it } from 'vitest';
import { guardedView, MalformedField } from '../../../core/guarded-view';

const SHAPES = {
  'cluster.name': ['string'],
  'cluster.size': ['number'],
  'cluster.pools': ['array'],
  'cluster.pools[]': ['object'],
  'cluster.pools[].name': ['string'],
} as const;

function view(cluster: unknown) {
  return guardedView({ cluster } as { cluster: Record<string, unknown> }, { shapes: SHAPES });
}

describe('guardedView', () => {
  it('reads a well-shaped object as it is, lists and methods included', () => {
    const v = view({ name: 'a', size: 3, pools: [{ name: 'p1' }, { name: 'p2' }] });
    const pools = v.value.cluster['pools'] as { name: string }[];
    expect(pools.map((p) => p.name)).toEqual(['p1', 'p2']);
    expect(pools.length).toBe(2);
    expect(Array.isArray(pools)).toBe(true);
    expect(JSON.parse(JSON.stringify(v.value.cluster))).toEqual({
      name: 'a',
      size: 3,
      pools: [{ name: 'p1' }, { name: 'p2' }],
    });
  });

  it('reads null as absent, and an absent field as undefined', () => {
    const v = view({ name: null });
    expect(v.value.cluster['name']).toBeUndefined();
    expect(v.value.cluster['pools']).toBeUndefined();
    expect(v.lastRead()).toEqual({ path: 'cluster.pools', value: undefined });
  });

  it('throws MalformedField naming the path, the value and the kind the API returns', () => {
    const v = view({ name: [], pools: [{ name: 'ok' }, { name: 5 }] });
    expect(() => v.value.cluster['name']).toThrow(
      new MalformedField('cluster.name', ['string'], []),
    );
    expect(() => v.value.cluster['name']).toThrow(
      'cluster.name holds an empty list where the API returns a string',
    );
    const pools = v.value.cluster['pools'] as { name: unknown }[];
    expect(pools[0]?.name).toBe('ok');
    expect(() => pools[1]?.name).toThrow('cluster.pools[1].name holds the number 5');
  });

  it('takes a numeric string for a number (proto3 int64) but never a number for a string', () => {
    expect(view({ size: '42' }).value.cluster['size']).toBe('42');
    expect(() => view({ size: 'many' }).value.cluster['size']).toThrow(MalformedField);
    expect(() => view({ name: 42 }).value.cluster['name']).toThrow(MalformedField);
  });

  it('refuses a null element of a list', () => {
    const pools = view({ pools: [null] }).value.cluster['pools'] as unknown[];
    expect(() => pools[0]).toThrow('cluster.pools[0] holds null where the API returns an object');
  });

  it('unwraps views inside values back to the raw objects, for evidence', () => {
    const raw = { name: 'a', pools: [{ name: 'p1' }] };
    const v = view(raw);
    const pools = v.value.cluster['pools'] as object[];
    expect(v.unwrap(pools)).toBe(raw.pools);
    expect(v.unwrap({ first: pools[0], list: [pools[0]] })).toEqual({
      first: raw.pools[0],
      list: [raw.pools[0]],
    });
  });
});
