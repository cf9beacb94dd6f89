import { describe, expect, it } from 'vitest';
import { gkeMonitoring as check } from '../../../../checks/gke/gke-monitoring';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_enable_stackdriver_monitoring', asset));

describe('gke-monitoring', () => {
  it('passes system components', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('fails none and the legacy service', () => {
    expect(evaluateOne(check, cai('joe-clust2')).status).toBe('fail');
    expect(evaluateOne(check, cai('joe-clust')).status).toBe('fail');
  });

  it('is unknown without any monitoring field', () => {
    const c = standardCluster();
    delete c.monitoringService;
    delete c.monitoringConfig;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('unknown');
  });
});
