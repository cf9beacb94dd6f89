import { describe, expect, it } from 'vitest';
import { aksPrivateCluster as check } from '../../../../checks/aks/aks-private-cluster';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-private-cluster', () => {
  it('fails on the spec example, which has no apiServerAccessProfile (a public cluster)', () => {
    const r = evaluateAksOne(check, aksSnapshot());
    expect(r.status).toBe('fail');
    expect(r.evidence).toEqual([
      { path: 'cluster.apiServerAccessProfile.enablePrivateCluster', value: null, absent: true },
    ]);
  });

  it('passes on the private-cluster example', () => {
    expect(
      evaluateAksOne(check, aksSnapshot(aksFixtureCluster('managed-cluster-private.json'))).status,
    ).toBe('pass');
  });

  it('fails when the flag is explicitly false', () => {
    expect(
      statusOf(check, (c) => {
        c.apiServerAccessProfile = { enablePrivateCluster: false };
      }),
    ).toBe('fail');
  });
});
