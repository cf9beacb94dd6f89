import { describe, expect, it } from 'vitest';
import { gkeDashboard as check } from '../../../../checks/gke/gke-dashboard';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_dashboard', asset));

describe('gke-dashboard', () => {
  it('passes disabled=true', () => {
    expect(evaluateOne(check, cai('joe-clust2')).status).toBe('pass');
  });

  it('fails an enabled add-on', () => {
    expect(evaluateOne(check, cai('joe-clust-bad')).status).toBe('fail');
  });

  it('fails an old (1.10) cluster that does not report the add-on, passes a current one', () => {
    expect(evaluateOne(check, cai('joe-clust')).status).toBe('fail');
    const c = standardCluster();
    delete c.addonsConfig;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('pass');
  });
});
