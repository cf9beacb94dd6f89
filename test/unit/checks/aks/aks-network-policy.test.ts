import { describe, expect, it } from 'vitest';
import { aksNetworkPolicy as check } from '../../../../checks/aks/aks-network-policy';
import { statusOf } from '../../../builders/aks';

describe('aks-network-policy', () => {
  it('fails the spec example (kubenet, no policy)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('fails networkPolicy "none": an explicit no-engine (Prowler passes any non-null value)', () => {
    expect(
      statusOf(check, (c) => {
        c.networkProfile = { ...c.networkProfile, networkPolicy: 'none' };
      }),
    ).toBe('fail');
  });
  it('passes azure, calico and cilium', () => {
    for (const p of ['azure', 'calico', 'cilium']) {
      expect(
        statusOf(check, (c) => {
          c.networkProfile = { ...c.networkProfile, networkPolicy: p };
        }),
      ).toBe('pass');
    }
  });
  it('is unknown without networkProfile, which the API always returns', () => {
    expect(
      statusOf(check, (c) => {
        delete c.networkProfile;
      }),
    ).toBe('unknown');
  });
});
