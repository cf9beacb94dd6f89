import { describe, expect, it } from 'vitest';
import { gkeIntegrityMonitoring as check } from '../../../../checks/gke/gke-integrity-monitoring';
import { autopilotCluster, caiCluster, gkeSnapshot, statuses } from '../../../builders/gke';

describe('gke-integrity-monitoring', () => {
  it('passes enableIntegrityMonitoring=true', () => {
    expect(
      statuses(
        check,
        gkeSnapshot(caiCluster('gke_enable_shielded_nodes', 'shielded-nodes-enabled-noboot')),
      ),
    ).toEqual(['pass']);
  });

  it('fails when shieldedInstanceConfig is omitted (false)', () => {
    expect(statuses(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust')))).toEqual([
      'fail',
    ]);
  });

  it('is not applicable on Autopilot', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
