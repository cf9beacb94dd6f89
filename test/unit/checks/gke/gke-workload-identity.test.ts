import { describe, expect, it } from 'vitest';
import { gkeWorkloadIdentity as check } from '../../../../checks/gke/gke-workload-identity';
import {
  autopilotCluster,
  caiCluster,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_enable_workload_identity', asset));

describe('gke-workload-identity', () => {
  it('passes with a workload pool and GKE_METADATA on every pool', () => {
    expect(statuses(check, cai('workloadidentity-enabled'))).toEqual(['pass']);
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails without a workload pool (including the pre-GA identityNamespace spelling)', () => {
    expect(statuses(check, cai('workloadidentity-disabled'))).toEqual(['fail']);
    expect(statuses(check, cai('workloadidentity-enabled-beta'))).toEqual(['fail']);
  });

  it('fails a pool without the GKE metadata server', () => {
    const c = standardCluster();
    const batch = c.nodePools?.[1];
    if (batch?.config) delete batch.config.workloadMetadataConfig;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['pass', 'fail']);
  });

  it('is not applicable on Autopilot (always on)', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
