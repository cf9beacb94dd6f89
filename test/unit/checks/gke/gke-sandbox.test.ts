import { describe, expect, it } from 'vitest';
import { gkeSandbox as check } from '../../../../checks/gke/gke-sandbox';
import { autopilotCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-sandbox', () => {
  it('fails (informational) without a gVisor pool', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('fail');
  });

  it('passes with a gVisor pool', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[1];
    if (pool?.config) pool.config.sandboxConfig = { type: 'GVISOR' };
    expect(evaluateOne(check, gkeSnapshot(c)).message).toContain('batch');
  });

  it('is not applicable on Autopilot', () => {
    expect(evaluateOne(check, gkeSnapshot(autopilotCluster())).status).toBe('not_applicable');
  });
});
