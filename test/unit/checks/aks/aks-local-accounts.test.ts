import { describe, expect, it } from 'vitest';
import { aksLocalAccounts as check } from '../../../../checks/aks/aks-local-accounts';
import { statusOf } from '../../../builders/aks';

describe('aks-local-accounts', () => {
  it('reads unset disableLocalAccounts as local accounts on (fail)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('passes when disabled, fails when explicitly false', () => {
    expect(
      statusOf(check, (c) => {
        c.disableLocalAccounts = true;
      }),
    ).toBe('pass');
    expect(
      statusOf(check, (c) => {
        c.disableLocalAccounts = false;
      }),
    ).toBe('fail');
  });
});
