import { describe, expect, it } from 'vitest';
import { gkeLogging as check } from '../../../../checks/gke/gke-logging';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_enable_stackdriver_logging', asset));

describe('gke-logging', () => {
  it('passes system and workload components, and the Kubernetes logging service', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
    expect(evaluateOne(check, cai('joe-clust2')).status).toBe('pass');
  });

  it('fails none and the legacy service', () => {
    expect(evaluateOne(check, cai('joe-clust4')).status).toBe('fail');
    expect(evaluateOne(check, cai('joe-clust')).message).toContain('legacy');
  });

  it('fails when workload logs are not collected', () => {
    const c = standardCluster();
    c.loggingConfig = { componentConfig: { enableComponents: ['SYSTEM_COMPONENTS'] } };
    expect(evaluateOne(check, gkeSnapshot(c)).message).toContain('WORKLOADS');
  });

  it('is unknown on an empty loggingService and no loggingConfig', () => {
    expect(evaluateOne(check, cai('joe-clust3')).status).toBe('unknown');
  });
});
