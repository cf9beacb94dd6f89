import { describe, expect, it } from 'vitest';
import { gkeBasicAuth as check } from '../../../../checks/gke/gke-basic-auth';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_restrict_client_auth_methods', asset));

describe('gke-basic-auth', () => {
  it('passes without username and password, and with an empty username', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
    expect(evaluateOne(check, cai('joe-clust4')).status).toBe('pass');
  });

  it('fails with a username', () => {
    const r = evaluateOne(check, cai('joe-clust5'));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('test');
  });

  it('is unknown without masterAuth', () => {
    expect(evaluateOne(check, cai('joe-clust')).status).toBe('unknown');
  });
});
