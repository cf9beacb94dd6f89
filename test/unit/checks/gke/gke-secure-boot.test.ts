import { describe, expect, it } from 'vitest';
import { gkeSecureBoot as check } from '../../../../checks/gke/gke-secure-boot';
import { autopilotCluster, caiCluster, gkeSnapshot, statuses } from '../../../builders/gke';

describe('gke-secure-boot', () => {
  it('passes enableSecureBoot=true', () => {
    expect(
      statuses(
        check,
        gkeSnapshot(caiCluster('gke_enable_shielded_nodes', 'shielded-nodes-enabled')),
      ),
    ).toEqual(['pass']);
  });

  it('fails when only integrity monitoring is on (enableSecureBoot omitted)', () => {
    expect(
      statuses(
        check,
        gkeSnapshot(caiCluster('gke_enable_shielded_nodes', 'shielded-nodes-enabled-noboot')),
      ),
    ).toEqual(['fail']);
  });

  it('is not applicable on Autopilot', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
