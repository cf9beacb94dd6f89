import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { addonConfig, addonPath, findAddon } from './support/addons';

const ADDON = 'azureKeyvaultSecretsProvider';

export const aksKeyvaultCsiRotation: AksCheck = {
  meta: {
    id: 'aks-keyvault-csi-rotation',
    provider: 'aks',
    title: 'AKS Key Vault secrets store CSI driver is on with secret rotation',
    severity: 'low',
    family: 'external-secrets',
    categories: ['data-protection'],
    risk: 'Without an external secret store, secrets live as Kubernetes Secrets (base64 in etcd, copied into manifests and pipelines); without rotation, a rotated Key Vault secret stays stale in pods.',
    remediation: {
      summary:
        'Enable the Key Vault secrets provider add-on with rotation and mount secrets from Key Vault.',
      cli: 'az aks enable-addons --resource-group <rg> --name <cluster> --addons azure-keyvault-secrets-provider --enable-secret-rotation',
      iac: "Bicep: properties.addonProfiles.azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: 'true' } }; Terraform azurerm_kubernetes_cluster: key_vault_secrets_provider { secret_rotation_enabled = true }",
      url: 'https://learn.microsoft.com/azure/aks/csi-secrets-store-driver',
    },
    frameworks: { 'cis-aks-1.8.0': ['4.5.2'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const addon = findAddon(cluster, ADDON);
    if (addon?.profile.enabled !== true) {
      return fail(
        `Cluster ${ref.name} does not run the Key Vault secrets store CSI driver add-on.`,
        [ev(addonPath(addon?.key ?? ADDON, 'enabled'), addon?.profile.enabled)],
      );
    }
    // Addon config values are strings; rotation is off unless the string is "true".
    const rotation = addonConfig(addon.profile, 'enableSecretRotation');
    const evidence = [
      ev(addonPath(addon.key, 'enabled'), true),
      ev(addonPath(addon.key, 'config.enableSecretRotation'), rotation),
    ];
    return rotation?.toLowerCase() === 'true'
      ? pass(
          `Cluster ${ref.name} runs the Key Vault secrets store CSI driver with rotation.`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} runs the Key Vault secrets store CSI driver without secret rotation.`,
          evidence,
        );
  },
};
