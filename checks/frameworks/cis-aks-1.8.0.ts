import type { Framework } from './types';

/**
 * CIS Azure Kubernetes Service (AKS) Benchmark v1.8.0: the recommendations on the customer's side
 * that the Azure management APIs can answer (audit logs, the section 4 items AKS exposes, section
 * 5 managed services). Sections 3 and most of 4 are read inside the cluster and are out of this
 * tool's scope. Titles as in the benchmark (kube-bench `cfg/aks-1.8`), where every one of these
 * is `manual` with no audit command.
 */
export const CIS_AKS_1_8_0: Framework = {
  id: 'cis-aks-1.8.0',
  title: 'CIS Azure Kubernetes Service (AKS) Benchmark',
  version: '1.8.0',
  requirements: [
    { id: '2.1.1', title: 'Enable audit Logs', assessment: 'automated' },
    {
      id: '4.1.1',
      title: 'Ensure that the cluster-admin role is only used where required',
      assessment: 'automated',
      note: 'The API shows who can obtain cluster-admin through Azure roles (admin credentials, Azure RBAC data actions); ClusterRoleBindings inside the cluster need in-cluster access.',
    },
    {
      id: '4.5.2',
      title: 'Consider external secret storage',
      assessment: 'automated',
      note: 'Decided from the Key Vault secrets store CSI driver add-on; other external stores run inside the cluster.',
    },
    {
      id: '5.1.1',
      title:
        'Ensure Image Vulnerability Scanning using Microsoft Defender for Cloud (MDC) image scanning or a third party provider',
      assessment: 'automated',
      note: 'Answered for Defender for Containers; a third-party scanner is not visible through the Azure APIs.',
    },
    {
      id: '5.1.2',
      title: 'Minimize user access to Azure Container Registry (ACR)',
      assessment: 'automated',
    },
    {
      id: '5.1.3',
      title: 'Minimize cluster access to read-only for Azure Container Registry (ACR)',
      assessment: 'automated',
    },
    {
      id: '5.1.4',
      title: 'Minimize Container Registries to only those approved',
      assessment: 'manual',
      note: 'Enforced by admission policy inside the cluster (Azure Policy add-on rules); egress restriction is reported by aks-egress-lockdown.',
    },
    {
      id: '5.2.1',
      title: 'Prefer using dedicated AKS Service Accounts',
      assessment: 'automated',
    },
    {
      id: '5.3.1',
      title: 'Ensure Kubernetes Secrets are encrypted',
      assessment: 'automated',
    },
    {
      id: '5.4.1',
      title: 'Restrict Access to the Control Plane Endpoint',
      assessment: 'automated',
    },
    {
      id: '5.4.2',
      title: 'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled',
      assessment: 'automated',
    },
    {
      id: '5.4.3',
      title: 'Ensure clusters are created with Private Nodes',
      assessment: 'automated',
    },
    {
      id: '5.4.4',
      title: 'Ensure Network Policy is Enabled and set as appropriate',
      assessment: 'automated',
    },
    {
      id: '5.4.5',
      title: 'Encrypt traffic to HTTPS load balancers with TLS certificates',
      assessment: 'manual',
      note: 'TLS termination is configured on Kubernetes Ingress/Service objects inside the cluster; the AKS API does not expose it.',
    },
    {
      id: '5.5.1',
      title: 'Manage Kubernetes RBAC users with Azure AD',
      assessment: 'automated',
    },
    {
      id: '5.5.2',
      title: 'Use Azure RBAC for Kubernetes Authorization',
      assessment: 'automated',
    },
  ],
};
