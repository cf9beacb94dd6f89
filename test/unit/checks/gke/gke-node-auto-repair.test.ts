import { describe, expect, it } from 'vitest';
import { gkeNodeAutoRepair as check } from '../../../../checks/gke/gke-node-auto-repair';
import {
  autopilotCluster,
  caiCluster,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_node_auto_repair', asset));

describe('gke-node-auto-repair', () => {
  it('passes autoRepair=true', () => {
    expect(statuses(check, cai('joe-clust'))).toEqual(['pass']);
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails false and an omitted management message', () => {
    expect(statuses(check, cai('joe-clust2'))).toEqual(['fail']);
    expect(statuses(check, cai('joe-clust3'))).toEqual(['fail']);
  });

  it('judges every pool', () => {
    expect(statuses(check, cai('joe-clust4'))).toEqual(['fail', 'pass']);
  });

  it('is not applicable on Autopilot', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['not_applicable']);
  });
});
