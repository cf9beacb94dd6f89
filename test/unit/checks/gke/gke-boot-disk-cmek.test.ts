import { describe, expect, it } from 'vitest';
import { gkeBootDiskCmek as check } from '../../../../checks/gke/gke-boot-disk-cmek';
import { autopilotCluster, gkeSnapshot, standardCluster, statuses } from '../../../builders/gke';

describe('gke-boot-disk-cmek', () => {
  it('passes pools with a boot-disk key', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails a pool without one', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[0];
    if (pool?.config) delete pool.config.bootDiskKmsKey;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['fail', 'pass']);
  });

  it('judges the Autopilot defaults (the customer can set the key)', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['fail', 'fail']);
  });

  it('is not applicable to a cluster with no node pools', () => {
    const c = standardCluster();
    delete c.nodePools;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['not_applicable']);
  });
});
