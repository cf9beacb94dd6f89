import { describe, expect, it } from 'vitest';
import { aksKeyvaultCsiRotation as check } from '../../../../checks/aks/aks-keyvault-csi-rotation';
import { statusOf } from '../../../builders/aks';

describe('aks-keyvault-csi-rotation', () => {
  it('fails without the add-on', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('fails the add-on without rotation, passes it with rotation (keys matched case-insensitively)', () => {
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = {
          azureKeyvaultSecretsProvider: {
            enabled: true,
            config: { enableSecretRotation: 'false' },
          },
        };
      }),
    ).toBe('fail');
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = {
          AzureKeyVaultSecretsProvider: { enabled: true, config: { EnableSecretRotation: 'true' } },
        };
      }),
    ).toBe('pass');
  });
});
