import { describe, expect, it } from 'vitest';
import { gkeAlphaCluster as check } from '../../../../checks/gke/gke-alpha-cluster';
import { evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-alpha-cluster', () => {
  it('passes when enableKubernetesAlpha is omitted (proto3 false)', () => {
    const r = evaluateOne(check, gkeSnapshot(standardCluster()));
    expect(r.status).toBe('pass');
    expect(r.evidence[0]).toMatchObject({ path: 'cluster.enableKubernetesAlpha', absent: true });
  });

  it('fails on an alpha cluster (the check Steampipe has inverted)', () => {
    const c = standardCluster();
    c.enableKubernetesAlpha = true;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('fail');
  });
});
