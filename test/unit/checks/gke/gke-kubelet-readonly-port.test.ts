import { describe, expect, it } from 'vitest';
import { gkeKubeletReadonlyPort as check } from '../../../../checks/gke/gke-kubelet-readonly-port';
import {
  autopilotCluster,
  caiCluster,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

describe('gke-kubelet-readonly-port', () => {
  it('passes an explicit false at pool level', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('takes the cluster default when a pool does not set it', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[1];
    if (pool?.config) delete pool.config.kubeletConfig;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['pass', 'pass']);
    delete c.nodePoolDefaults;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['pass', 'fail']);
  });

  it('fails an old cluster that never set it, and an explicit true', () => {
    expect(statuses(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust')))).toEqual([
      'fail',
    ]);
    const c = standardCluster();
    const pool = c.nodePools?.[0];
    if (pool?.config) pool.config.kubeletConfig = { insecureKubeletReadonlyPortEnabled: true };
    expect(statuses(check, gkeSnapshot(c))).toEqual(['fail', 'pass']);
  });

  it('reads nodePoolAutoConfig for Autopilot-provisioned nodes', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['fail', 'pass']);
  });
});
