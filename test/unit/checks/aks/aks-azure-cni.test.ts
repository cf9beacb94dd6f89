import { describe, expect, it } from 'vitest';
import { aksAzureCni as check } from '../../../../checks/aks/aks-azure-cni';
import { statusOf } from '../../../builders/aks';

describe('aks-azure-cni', () => {
  it('fails the spec example (kubenet), passes azure, is n/a for bring-your-own CNI', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.networkProfile = { networkPlugin: 'azure' };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.networkProfile = { networkPlugin: 'none' };
      }),
    ).toBe('not_applicable');
  });
  it('is unknown without the plugin, which the API always returns', () => {
    expect(
      statusOf(check, (c) => {
        delete c.networkProfile;
      }),
    ).toBe('unknown');
  });
});
