import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const WORKLOAD = 'cluster.securityProfile.workloadIdentity.enabled';
const OIDC = 'cluster.oidcIssuerProfile.enabled';
const POD_IDENTITY = 'cluster.podIdentityProfile.enabled';

export const aksWorkloadIdentity: AksCheck = {
  meta: {
    id: 'aks-workload-identity',
    provider: 'aks',
    title: 'AKS cluster uses Entra Workload ID, not the legacy pod identity',
    severity: 'medium',
    family: 'workload-identity',
    categories: ['iam'],
    risk: 'Without workload identity, pods reach Azure with the node (kubelet) identity or stored secrets; the deprecated pod-managed identity intercepts IMDS traffic and can be bypassed by pods on the host network.',
    remediation: {
      summary:
        'Enable the OIDC issuer and workload identity, move workloads to federated service accounts, then disable pod-managed identity.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-oidc-issuer --enable-workload-identity',
      iac: 'Bicep: properties.oidcIssuerProfile.enabled: true, properties.securityProfile.workloadIdentity.enabled: true; Terraform azurerm_kubernetes_cluster: oidc_issuer_enabled = true, workload_identity_enabled = true',
      url: 'https://learn.microsoft.com/azure/aks/workload-identity-overview',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.2.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const workload = cluster.securityProfile?.workloadIdentity?.enabled;
    const oidc = cluster.oidcIssuerProfile?.enabled;
    const podIdentity = cluster.podIdentityProfile?.enabled;
    const evidence = [ev(WORKLOAD, workload), ev(OIDC, oidc), ev(POD_IDENTITY, podIdentity)];
    // All three profiles are optional in ARM; unset means off.
    const problems: string[] = [];
    if (workload !== true) problems.push('workload identity is off');
    if (oidc !== true) problems.push('the OIDC issuer is off');
    if (podIdentity === true) problems.push('the deprecated pod-managed identity is on');
    return problems.length === 0
      ? pass(`Cluster ${ref.name} uses Entra Workload ID with its OIDC issuer.`, evidence)
      : fail(`Cluster ${ref.name}: ${problems.join('; ')}.`, evidence);
  },
};
