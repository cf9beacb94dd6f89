import { describe, expect, it } from 'vitest';
import { aksNodeOsUpgradeChannel as check } from '../../../../checks/aks/aks-node-os-upgrade-channel';
import { statusOf } from '../../../builders/aks';

describe('aks-node-os-upgrade-channel', () => {
  it('reads an unset channel as the documented default NodeImage (pass)', () => {
    expect(statusOf(check)).toBe('pass');
  });
  it('fails None and Unmanaged, passes SecurityPatch', () => {
    expect(
      statusOf(check, (c) => {
        c.autoUpgradeProfile = { nodeOSUpgradeChannel: 'None' };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.autoUpgradeProfile = { nodeOSUpgradeChannel: 'Unmanaged' };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.autoUpgradeProfile = { nodeOSUpgradeChannel: 'SecurityPatch' };
      }),
    ).toBe('pass');
  });
});
