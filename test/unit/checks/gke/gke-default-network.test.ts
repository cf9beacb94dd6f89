import { describe, expect, it } from 'vitest';
import { gkeDefaultNetwork as check } from '../../../../checks/gke/gke-default-network';
import {
  autopilotCluster,
  caiCluster,
  evaluateOne,
  gkeSnapshot,
  standardCluster,
} from '../../../builders/gke';

describe('gke-default-network', () => {
  it('passes on a custom VPC', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('fails on the default network, by name or by full path', () => {
    expect(evaluateOne(check, gkeSnapshot(autopilotCluster())).status).toBe('fail');
    const c = caiCluster('gke_disable_default_service_account', 'joe-clust');
    delete c.networkConfig;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('fail');
  });

  it('is unknown when the input names no network', () => {
    const c = standardCluster();
    delete c.network;
    delete c.networkConfig;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('unknown');
  });
});
