import { describe, expect, it } from 'vitest';
import { aksDiskCmk as check } from '../../../../checks/aks/aks-disk-cmk';
import { statusOf } from '../../../builders/aks';

describe('aks-disk-cmk', () => {
  it('passes the spec example, which names a disk encryption set', () => {
    expect(statusOf(check)).toBe('pass');
  });
  it('fails without one (platform-managed keys)', () => {
    expect(
      statusOf(check, (c) => {
        delete c.diskEncryptionSetID;
      }),
    ).toBe('fail');
  });
});
