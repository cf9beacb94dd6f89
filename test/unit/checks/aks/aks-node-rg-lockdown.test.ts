import { describe, expect, it } from 'vitest';
import { aksNodeRgLockdown as check } from '../../../../checks/aks/aks-node-rg-lockdown';
import { statusOf } from '../../../builders/aks';

describe('aks-node-rg-lockdown', () => {
  it('fails unset (default Unrestricted), passes ReadOnly', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.nodeResourceGroupProfile = { restrictionLevel: 'ReadOnly' };
      }),
    ).toBe('pass');
  });
});
