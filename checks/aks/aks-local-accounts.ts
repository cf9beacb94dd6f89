import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.disableLocalAccounts';

export const aksLocalAccounts: AksCheck = {
  meta: {
    id: 'aks-local-accounts',
    provider: 'aks',
    title: 'AKS local (static admin) accounts are disabled',
    severity: 'high',
    family: 'static-cluster-credentials',
    categories: ['iam'],
    risk: 'Local accounts hand out a static cluster-admin certificate through listClusterAdminCredential: it bypasses Entra ID, conditional access and MFA, cannot be revoked per user, and is logged only as clusterAdmin.',
    remediation: {
      summary: 'Disable local accounts once Entra ID integration and an admin group are in place.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --disable-local-accounts',
      iac: 'Bicep: properties.disableLocalAccounts: true; Terraform azurerm_kubernetes_cluster: local_account_disabled = true',
      url: 'https://learn.microsoft.com/azure/aks/manage-local-accounts-managed-azure-ad',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.5.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.disableLocalAccounts;
    const evidence = [ev(PATH, value)];
    // Optional in ARM; unset means local accounts are enabled (the default).
    return value === true
      ? pass(`Cluster ${ref.name} has local accounts disabled.`, evidence)
      : fail(
          `Cluster ${ref.name} has local accounts enabled (disableLocalAccounts=${value ?? 'unset'}).`,
          evidence,
        );
  },
};
