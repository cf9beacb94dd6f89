import { describe, expect, it } from 'vitest';
import { gkeShieldedNodes as check } from '../../../../checks/gke/gke-shielded-nodes';
import { autopilotCluster, caiCluster, evaluateOne, gkeSnapshot } from '../../../builders/gke';

describe('gke-shielded-nodes', () => {
  it('passes with shieldedNodes.enabled', () => {
    expect(
      evaluateOne(
        check,
        gkeSnapshot(caiCluster('gke_enable_shielded_nodes', 'shielded-nodes-enabled')),
      ).status,
    ).toBe('pass');
  });

  it('fails on shieldedNodes: {} (enabled omitted = false)', () => {
    expect(
      evaluateOne(
        check,
        gkeSnapshot(caiCluster('gke_enable_shielded_nodes', 'shielded-nodes-disabled')),
      ).status,
    ).toBe('fail');
  });

  it('is not applicable on Autopilot, where Google manages it', () => {
    expect(evaluateOne(check, gkeSnapshot(autopilotCluster())).status).toBe('not_applicable');
  });
});
