import { describe, expect, it } from 'vitest';
import { gkeLegacyAbac as check } from '../../../../checks/gke/gke-legacy-abac';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-legacy-abac', () => {
  it('passes on legacyAbac: {} (proto3 omits enabled=false)', () => {
    const c = standardCluster();
    expect(c.legacyAbac).toEqual({});
    const r = evaluateOne(check, gkeSnapshot(c));
    expect(r.status).toBe('pass');
    expect(r.evidence).toEqual([{ path: 'cluster.legacyAbac.enabled', value: null, absent: true }]);
  });

  it('passes on an explicit enabled=false (as the hand-edited fixture writes it)', () => {
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust2'))).status,
    ).toBe('pass');
  });

  it('fails on legacyAbac.enabled=true', () => {
    const r = evaluateOne(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust')));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('legacy ABAC enabled');
  });

  it('passes when the whole legacyAbac message is omitted', () => {
    const c = standardCluster();
    delete c.legacyAbac;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('pass');
  });
});
