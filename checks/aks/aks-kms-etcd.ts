import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const ENABLED = 'cluster.securityProfile.azureKeyVaultKms.enabled';
const KEY = 'cluster.securityProfile.azureKeyVaultKms.keyId';
const ACCESS = 'cluster.securityProfile.azureKeyVaultKms.keyVaultNetworkAccess';

export const aksKmsEtcd: AksCheck = {
  meta: {
    id: 'aks-kms-etcd',
    provider: 'aks',
    title: 'AKS encrypts Kubernetes Secrets with a customer key in a private Key Vault',
    severity: 'medium',
    family: 'secrets-encryption',
    categories: ['data-protection'],
    risk: 'Without Key Vault KMS, Secrets in etcd are encrypted only with platform keys the customer cannot revoke or audit; a KMS key in a publicly reachable vault widens who can attack the key.',
    remediation: {
      summary:
        'Enable Key Vault KMS with a key in a vault that has public access disabled (keyVaultNetworkAccess Private).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key-id> --azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id <vault-id>',
      iac: "Bicep: properties.securityProfile.azureKeyVaultKms: { enabled: true, keyId: '<key-id>', keyVaultNetworkAccess: 'Private', keyVaultResourceId: '<vault-id>' }; Terraform azurerm_kubernetes_cluster: key_management_service { key_vault_key_id = ..., key_vault_network_access = \"Private\" }",
      url: 'https://learn.microsoft.com/azure/aks/use-kms-etcd-encryption',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.3.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const kms = cluster.securityProfile?.azureKeyVaultKms;
    const evidence = [
      ev(ENABLED, kms?.enabled),
      ev(KEY, kms?.keyId),
      ev(ACCESS, kms?.keyVaultNetworkAccess),
    ];
    // Optional profile; unset means platform-managed encryption only.
    if (kms?.enabled !== true) {
      return fail(
        `Cluster ${ref.name} does not encrypt Secrets with a Key Vault KMS key.`,
        evidence,
      );
    }
    // keyVaultNetworkAccess defaults to Public when unset.
    if (kms.keyVaultNetworkAccess !== 'Private') {
      return fail(
        `Cluster ${ref.name} uses Key Vault KMS, but its key vault is publicly reachable (keyVaultNetworkAccess=${kms.keyVaultNetworkAccess ?? 'unset, default Public'}).`,
        evidence,
      );
    }
    return pass(
      `Cluster ${ref.name} encrypts Secrets with KMS key ${kms.keyId ?? '(unnamed)'} in a private key vault.`,
      evidence,
    );
  },
};
