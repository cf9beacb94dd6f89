import { describe, expect, it } from 'vitest';
import { aksAutoUpgradeChannel as check } from '../../../../checks/aks/aks-auto-upgrade-channel';
import { statusOf } from '../../../builders/aks';

describe('aks-auto-upgrade-channel', () => {
  it('fails an absent channel (default none; Steampipe passes it) and none', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.autoUpgradeProfile = { upgradeChannel: 'none' };
      }),
    ).toBe('fail');
  });
  it('passes patch and stable', () => {
    expect(
      statusOf(check, (c) => {
        c.autoUpgradeProfile = { upgradeChannel: 'patch' };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.autoUpgradeProfile = { upgradeChannel: 'stable' };
      }),
    ).toBe('pass');
  });
});
