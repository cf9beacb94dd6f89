import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.diskEncryptionSetID';

export const aksDiskCmk: AksCheck = {
  meta: {
    id: 'aks-disk-cmk',
    provider: 'aks',
    title: 'AKS node OS and data disks are encrypted with a customer-managed key',
    severity: 'low',
    family: 'node-disk-encryption',
    categories: ['data-protection'],
    risk: 'With platform-managed keys only, the customer cannot revoke access to node disks or prove key custody for regulated data.',
    remediation: {
      summary:
        'Create a disk encryption set with a Key Vault key and create the cluster (or new pools) with it.',
      cli: 'az aks create --resource-group <rg> --name <cluster> --node-osdisk-diskencryptionset-id <des-id>',
      iac: 'Bicep: properties.diskEncryptionSetID: <des-id>; Terraform azurerm_kubernetes_cluster: disk_encryption_set_id = <des-id>',
      url: 'https://learn.microsoft.com/azure/aks/azure-disk-customer-managed-keys',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.diskEncryptionSetID;
    const evidence = [ev(PATH, value)];
    // Optional; unset means platform-managed keys.
    return value
      ? pass(`Cluster ${ref.name} encrypts node disks with disk encryption set ${value}.`, evidence)
      : fail(
          `Cluster ${ref.name} has no disk encryption set (platform-managed keys only).`,
          evidence,
        );
  },
};
