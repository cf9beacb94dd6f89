import { describe, expect, it } from 'vitest';
import { gkeClientCertificate as check } from '../../../../checks/gke/gke-client-certificate';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_restrict_client_auth_methods', asset));

describe('gke-client-certificate', () => {
  it('passes with clientCertificateConfig: {} and only the CA certificate (not a client credential)', () => {
    const r = evaluateOne(check, gkeSnapshot(standardCluster()));
    expect(r.status).toBe('pass');
  });

  it('fails when a client certificate is issued', () => {
    expect(evaluateOne(check, cai('joe-clust2')).status).toBe('fail');
  });

  it('is unknown when masterAuth is missing (the API always returns it)', () => {
    expect(evaluateOne(check, cai('default-master-auth')).status).toBe('unknown');
  });
});
