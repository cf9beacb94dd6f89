import { describe, expect, it } from 'vitest';
import { gkeReleaseChannel as check } from '../../../../checks/gke/gke-release-channel';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-release-channel', () => {
  it('passes on the REGULAR channel', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('fails without a release channel (omitted = UNSPECIFIED)', () => {
    expect(evaluateOne(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust'))).status).toBe(
      'fail',
    );
  });

  it('fails on an explicit UNSPECIFIED channel', () => {
    const c = standardCluster();
    c.releaseChannel = { channel: 'UNSPECIFIED' };
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('fail');
  });
});
