import { describe, expect, it } from 'vitest';
import { aksPublicNetworkAccess as check } from '../../../../checks/aks/aks-public-network-access';
import { statusOf } from '../../../builders/aks';

describe('aks-public-network-access', () => {
  it('reads an unset value as the documented default, Enabled (fail)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('passes Disabled and SecuredByPerimeter, fails Enabled', () => {
    expect(
      statusOf(check, (c) => {
        c.publicNetworkAccess = 'Disabled';
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.publicNetworkAccess = 'SecuredByPerimeter';
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.publicNetworkAccess = 'Enabled';
      }),
    ).toBe('fail');
  });
});
