import { describe, expect, it } from 'vitest';
import { gkeRegionalControlPlane as check } from '../../../../checks/gke/gke-regional-control-plane';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-regional-control-plane', () => {
  it('fails on a zonal location (single-zone control plane)', () => {
    const r = evaluateOne(check, gkeSnapshot(caiCluster('gke_cluster_location', 'joe-clust')));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('us-west1-b');
  });

  it('passes on a regional location', () => {
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_cluster_location', 'joe-clust3'))).status,
    ).toBe('pass');
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('is unknown without a location', () => {
    const c = standardCluster();
    delete c.location;
    delete c.zone;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('unknown');
  });
});
