import { describe, expect, it } from 'vitest';
import { gkeNetworkPolicy as check } from '../../../../checks/gke/gke-network-policy';
import { autopilotCluster, caiCluster, evaluateOne, gkeSnapshot } from '../../../builders/gke';

describe('gke-network-policy', () => {
  it('passes with Calico enforcement (networkPolicy.enabled, add-on {} = not disabled)', () => {
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_cluster_version', 'forseti-cluster'))).status,
    ).toBe('pass');
  });

  it('passes with Dataplane V2 although networkPolicy is {}', () => {
    const r = evaluateOne(check, gkeSnapshot(autopilotCluster()));
    expect(r.status).toBe('pass');
    expect(r.message).toContain('Dataplane V2');
  });

  it('fails without enforcement', () => {
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_restrict_pod_traffic', 'joe-clust'))).status,
    ).toBe('fail');
  });

  it('fails when enabled but the add-on is disabled', () => {
    const c = caiCluster('gke_cluster_version', 'forseti-cluster');
    c.addonsConfig = { networkPolicyConfig: { disabled: true } };
    expect(evaluateOne(check, gkeSnapshot(c)).message).toContain('add-on is disabled');
  });
});
