import { describe, expect, it } from 'vitest';
import { aksImageCleaner as check } from '../../../../checks/aks/aks-image-cleaner';
import { statusOf } from '../../../builders/aks';

describe('aks-image-cleaner', () => {
  it('fails when unset, passes when enabled', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.securityProfile = { imageCleaner: { enabled: true, intervalHours: 168 } };
      }),
    ).toBe('pass');
  });
});
