import { describe, expect, it } from 'vitest';
import { gkeCosImage as check } from '../../../../checks/gke/gke-cos-image';
import {
  autopilotCluster,
  caiCluster,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

describe('gke-cos-image', () => {
  it('passes COS_CONTAINERD and the legacy COS', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
    expect(
      statuses(check, gkeSnapshot(caiCluster('gke_disable_default_service_account', 'joe-clust'))),
    ).toEqual(['pass']);
  });

  it('fails Ubuntu, judged per pool and on auto-provisioning defaults', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[1];
    if (pool?.config) pool.config.imageType = 'UBUNTU_CONTAINERD';
    c.autoscaling = {
      enableNodeAutoprovisioning: true,
      autoprovisioningNodePoolDefaults: { imageType: 'UBUNTU_CONTAINERD' },
    };
    expect(statuses(check, gkeSnapshot(c))).toEqual(['pass', 'fail', 'fail']);
  });

  it('is unknown when a pool has no imageType (the API always returns it)', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[0];
    if (pool?.config) delete pool.config.imageType;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['unknown', 'pass']);
  });

  it('is not applicable on Autopilot', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
