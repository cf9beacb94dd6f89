import { describe, expect, it } from 'vitest';
import { gkeLegacyMetadataEndpoints as check } from '../../../../checks/gke/gke-legacy-metadata-endpoints';
import {
  autopilotCluster,
  caiCluster,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_disable_legacy_endpoints', asset));

describe('gke-legacy-metadata-endpoints', () => {
  it('passes disable-legacy-endpoints=true', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails "false" and an unset key, on every pool', () => {
    expect(statuses(check, cai('joe-clust'))).toEqual(['fail']);
    expect(statuses(check, cai('joe-clust3'))).toEqual(['fail', 'fail']);
  });

  it('passes a pool on the GKE metadata server', () => {
    const c = caiCluster('gke_disable_legacy_endpoints', 'joe-clust2');
    const pool = c.nodePools?.[0];
    if (pool?.config) pool.config.workloadMetadataConfig = { mode: 'GKE_METADATA' };
    expect(statuses(check, gkeSnapshot(c))).toEqual(['pass']);
  });

  it('is not applicable on Autopilot', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
