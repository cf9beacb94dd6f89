import { describe, expect, it } from 'vitest';
import { aksAzurePolicyAddon as check } from '../../../../checks/aks/aks-azure-policy-addon';
import { statusOf } from '../../../builders/aks';

describe('aks-azure-policy-addon', () => {
  it('fails without the add-on, passes it enabled under any key case', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = { azurePolicy: { enabled: true } };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = { azurepolicy: { enabled: false } };
      }),
    ).toBe('fail');
  });
});
