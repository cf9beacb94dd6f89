import { describe, expect, it } from 'vitest';
import { gkeNodeAutoUpgrade as check } from '../../../../checks/gke/gke-node-auto-upgrade';
import {
  autopilotCluster,
  caiCluster,
  evaluate,
  gkeSnapshot,
  statuses,
} from '../../../builders/gke';

describe('gke-node-auto-upgrade', () => {
  it('passes true, fails false and omitted', () => {
    expect(statuses(check, gkeSnapshot(caiCluster('gke_node_auto_upgrade', 'joe-clust')))).toEqual([
      'pass',
    ]);
    expect(statuses(check, gkeSnapshot(caiCluster('gke_node_auto_upgrade', 'joe-clust2')))).toEqual(
      ['fail'],
    );
    expect(statuses(check, gkeSnapshot(caiCluster('gke_node_auto_upgrade', 'joe-clust3')))).toEqual(
      ['fail'],
    );
  });

  it('is unknown on the hand-edited string "true" (not an API value)', () => {
    const [r] = evaluate(check, gkeSnapshot(caiCluster('gke_restrict_pod_traffic', 'joe-clust')));
    expect(r?.status).toBe('unknown');
    expect(r?.message).toContain('not a boolean');
  });

  it('is not applicable on Autopilot', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
