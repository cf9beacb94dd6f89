import type { AksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const TYPE = 'cluster.identity.type';
const CLIENT = 'cluster.servicePrincipalProfile.clientId';

export const aksManagedIdentity: AksCheck = {
  meta: {
    id: 'aks-managed-identity',
    provider: 'aks',
    title: 'AKS cluster uses a managed identity rather than a service principal',
    severity: 'medium',
    family: 'control-plane-identity',
    categories: ['iam'],
    risk: 'A service principal has a client secret that must be stored, rotated and can leak; an expired secret also breaks the cluster.',
    remediation: {
      summary: 'Move the cluster to a managed identity.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-managed-identity',
      iac: 'Bicep: identity: { type: \'SystemAssigned\' } (or UserAssigned); Terraform azurerm_kubernetes_cluster: identity { type = "SystemAssigned" }',
      url: 'https://learn.microsoft.com/azure/aks/use-managed-identity',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.2.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const type = cluster.identity?.type;
    const clientId = cluster.servicePrincipalProfile?.clientId;
    const evidence = [ev(TYPE, type), ev(CLIENT, clientId)];
    if (type === 'SystemAssigned' || type === 'UserAssigned' || clientId === 'msi') {
      return pass(
        `Cluster ${ref.name} uses a managed identity (${type ?? 'clientId=msi'}).`,
        evidence,
      );
    }
    if (clientId) {
      return fail(
        `Cluster ${ref.name} uses service principal ${clientId} instead of a managed identity.`,
        evidence,
      );
    }
    return unknown(
      `Cluster ${ref.name}: neither identity nor servicePrincipalProfile is in the input.`,
      evidence,
    );
  },
};
