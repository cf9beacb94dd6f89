import { describe, expect, it } from 'vitest';
import { gkePrivateGoogleAccess as check } from '../../../../checks/gke/gke-private-google-access';
import { deniedPart, evaluateOne, gkeSnapshot, part, standardCluster } from '../../../builders/gke';

describe('gke-private-google-access', () => {
  it('passes with privateIpGoogleAccess', () => {
    const s = gkeSnapshot(standardCluster(), {
      subnetwork: part({ name: 'n', privateIpGoogleAccess: true }, 'compute:subnetworks.get'),
    });
    expect(evaluateOne(check, s).status).toBe('pass');
  });

  it('fails when privateIpGoogleAccess is omitted (false)', () => {
    const s = gkeSnapshot(standardCluster(), {
      subnetwork: part({ name: 'n' }, 'compute:subnetworks.get'),
    });
    expect(evaluateOne(check, s).status).toBe('fail');
  });

  it('is unknown when the subnetwork was not read (export) or denied', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('unknown');
    const s = gkeSnapshot(standardCluster(), { subnetwork: deniedPart('compute:subnetworks.get') });
    expect(evaluateOne(check, s).message).toContain('compute:subnetworks.get failed with 403');
  });
});
