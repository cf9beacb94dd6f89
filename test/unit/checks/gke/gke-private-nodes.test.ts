import { describe, expect, it } from 'vitest';
import { gkePrivateNodes as check } from '../../../../checks/gke/gke-private-nodes';
import {
  autopilotCluster,
  caiCluster,
  evaluate,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

describe('gke-private-nodes', () => {
  it('passes every pool of a cluster with private nodes by default', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails a pool that overrides the cluster default with public nodes', () => {
    const c = standardCluster();
    const batch = c.nodePools?.[1];
    if (!batch) throw new Error('fixture');
    batch.networkConfig = { ...batch.networkConfig, enablePrivateNodes: false };
    const out = evaluate(check, gkeSnapshot(c));
    expect(out.map((o) => o.status)).toEqual(['pass', 'fail']);
    expect(out[1]?.subject).toEqual({ type: 'node-pool', id: 'batch', name: 'batch' });
  });

  it('legacy API: privateClusterConfig without enablePrivateNodes means public nodes', () => {
    expect(statuses(check, gkeSnapshot(caiCluster('gke_private_cluster', 'joe-clust2')))).toEqual([
      'pass',
    ]);
    expect(statuses(check, gkeSnapshot(caiCluster('gke_private_cluster', 'joe-clust')))).toEqual([
      'fail',
    ]);
  });

  it('judges Autopilot pools and auto-provisioning too (the customer chooses)', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['fail', 'fail']);
  });

  it('is unknown for a pool whose config is missing from the input', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[0];
    if (pool) delete pool.config;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['unknown', 'pass']);
  });
});
