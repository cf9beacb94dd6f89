import { describe, expect, it } from 'vitest';
import { aksEgressLockdown as check } from '../../../../checks/aks/aks-egress-lockdown';
import { statusOf } from '../../../builders/aks';

describe('aks-egress-lockdown', () => {
  it('fails the spec example (outboundType loadBalancer) and an unset value (default loadBalancer)', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.networkProfile = { networkPlugin: 'azure' };
      }),
    ).toBe('fail');
  });
  it('passes userDefinedRouting and NAT gateways', () => {
    expect(
      statusOf(check, (c) => {
        c.networkProfile = { outboundType: 'userDefinedRouting' };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.networkProfile = { outboundType: 'managedNATGateway' };
      }),
    ).toBe('pass');
  });
  it('is unknown without networkProfile', () => {
    expect(
      statusOf(check, (c) => {
        delete c.networkProfile;
      }),
    ).toBe('unknown');
  });
});
