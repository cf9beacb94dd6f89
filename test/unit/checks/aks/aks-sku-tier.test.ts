import { describe, expect, it } from 'vitest';
import { aksSkuTier as check } from '../../../../checks/aks/aks-sku-tier';
import { statusOf } from '../../../builders/aks';

describe('aks-sku-tier', () => {
  it('fails an unset tier (default Free) and Free, passes Standard and Premium', () => {
    expect(statusOf(check)).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.sku = { name: 'Base', tier: 'Free' };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.sku = { name: 'Base', tier: 'Standard' };
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.sku = { name: 'Base', tier: 'Premium' };
      }),
    ).toBe('pass');
  });
});
