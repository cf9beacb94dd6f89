import { describe, expect, it } from 'vitest';
import { gkeVpcNative as check } from '../../../../checks/gke/gke-vpc-native';
import { caiCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-vpc-native', () => {
  it('passes on useIpAliases=true', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_enable_alias_ip_ranges', 'joe-clust'))).status,
    ).toBe('pass');
  });

  it('fails on a routes-based cluster (no ipAllocationPolicy)', () => {
    expect(
      evaluateOne(check, gkeSnapshot(caiCluster('gke_enable_alias_ip_ranges', 'route-based-3')))
        .status,
    ).toBe('fail');
  });

  it('fails when ipAllocationPolicy is present but useIpAliases is omitted (false)', () => {
    const r = evaluateOne(
      check,
      gkeSnapshot(caiCluster('gke_enable_alias_ip_ranges', 'alias-ip-3')),
    );
    expect(r.status).toBe('fail');
    expect(r.evidence[0]).toMatchObject({ absent: true });
  });
});
