import { describe, expect, it } from 'vitest';
import { gkeBinaryAuthorization as check } from '../../../../checks/gke/gke-binary-authorization';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-binary-authorization', () => {
  it('passes PROJECT_SINGLETON_POLICY_ENFORCE and the legacy enabled flag', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_enable_binauthz', 'joe-clust2'))).status,
    ).toBe('pass');
  });

  it('fails when omitted or DISABLED', () => {
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_enable_binauthz', 'joe-clust'))).status,
    ).toBe('fail');
    const c = standardCluster();
    c.binaryAuthorization = { evaluationMode: 'DISABLED', enabled: true };
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('fail');
  });
});
