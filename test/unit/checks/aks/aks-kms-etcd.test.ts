import { describe, expect, it } from 'vitest';
import { aksKmsEtcd as check } from '../../../../checks/aks/aks-kms-etcd';
import { statusOf } from '../../../builders/aks';

const KEY = 'https://kv1.vault.azure.net/keys/k1/0123456789abcdef';

describe('aks-kms-etcd', () => {
  it('fails without Key Vault KMS (the spec example)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('fails KMS with a public key vault (unset access = Public), passes a private one', () => {
    expect(
      statusOf(check, (c) => {
        c.securityProfile = { azureKeyVaultKms: { enabled: true, keyId: KEY } };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.securityProfile = {
          azureKeyVaultKms: {
            enabled: true,
            keyId: KEY,
            keyVaultNetworkAccess: 'Private',
            keyVaultResourceId: '/kv',
          },
        };
      }),
    ).toBe('pass');
  });
});
