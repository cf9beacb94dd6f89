import type { Framework } from './types';

/**
 * CIS Google Kubernetes Engine (GKE) Benchmark v1.9.0: the section 5 managed-service
 * recommendations and the section 4 items the cloud APIs can answer. The rest of section 4 (and
 * 5.6.7, 5.7.2) is read inside the cluster and listed as manual. Titles as in the benchmark
 * (kube-bench `cfg/gke-1.9.0`).
 */
export const CIS_GKE_1_9_0: Framework = {
  id: 'cis-gke-1.9.0',
  title: 'CIS Google Kubernetes Engine (GKE) Benchmark',
  version: '1.9.0',
  requirements: [
    {
      id: '4.1.1',
      title: 'Ensure that the cluster-admin role is only used where required',
      assessment: 'automated',
      note: 'The API shows project IAM roles that grant cluster-admin-level access (Owner, Kubernetes Engine Admin); ClusterRoleBindings inside the cluster need in-cluster access.',
    },
    {
      id: '4.3.1',
      title: 'Ensure that the CNI in use supports Network Policies',
      assessment: 'automated',
    },
    {
      id: '4.3.2',
      title: 'Ensure that all Namespaces have Network Policies defined',
      assessment: 'manual',
      note: 'NetworkPolicy objects live inside the cluster.',
    },
    {
      id: '5.1.1',
      title: 'Ensure Image Vulnerability Scanning is enabled',
      assessment: 'automated',
    },
    {
      id: '5.1.2',
      title: 'Minimize user access to Container Image repositories',
      assessment: 'automated',
    },
    {
      id: '5.1.3',
      title: 'Minimize cluster access to read-only for Container Image repositories',
      assessment: 'automated',
    },
    {
      id: '5.1.4',
      title: 'Ensure only trusted container images are used',
      assessment: 'automated',
    },
    {
      id: '5.2.1',
      title: 'Ensure GKE clusters are not running using the Compute Engine default service account',
      assessment: 'automated',
    },
    {
      id: '5.2.2',
      title: 'Prefer using dedicated GCP Service Accounts and Workload Identity',
      assessment: 'automated',
    },
    {
      id: '5.3.1',
      title: 'Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS',
      assessment: 'automated',
    },
    { id: '5.4.1', title: 'Ensure the GKE Metadata Server is Enabled', assessment: 'automated' },
    {
      id: '5.5.1',
      title: 'Ensure Container-Optimized OS (cos_containerd) is used for GKE node images',
      assessment: 'automated',
    },
    {
      id: '5.5.2',
      title: 'Ensure Node Auto-Repair is enabled for GKE nodes',
      assessment: 'automated',
    },
    {
      id: '5.5.3',
      title: 'Ensure Node Auto-Upgrade is enabled for GKE nodes',
      assessment: 'automated',
    },
    {
      id: '5.5.4',
      title: 'When creating New Clusters - Automate GKE version management using Release Channels',
      assessment: 'automated',
    },
    { id: '5.5.5', title: 'Ensure Shielded GKE Nodes are Enabled', assessment: 'automated' },
    {
      id: '5.5.6',
      title: 'Ensure Integrity Monitoring for Shielded GKE Nodes is Enabled',
      assessment: 'automated',
    },
    {
      id: '5.5.7',
      title: 'Ensure Secure Boot for Shielded GKE Nodes is Enabled',
      assessment: 'automated',
    },
    {
      id: '5.6.1',
      title: 'Enable VPC Flow Logs and Intranode Visibility',
      assessment: 'automated',
    },
    { id: '5.6.2', title: 'Ensure use of VPC-native clusters', assessment: 'automated' },
    {
      id: '5.6.3',
      title: 'Ensure Control Plane Authorized Networks is Enabled',
      assessment: 'automated',
    },
    {
      id: '5.6.4',
      title: 'Ensure clusters are created with Private Endpoint Enabled and Public Access Disabled',
      assessment: 'automated',
    },
    {
      id: '5.6.5',
      title: 'Ensure clusters are created with Private Nodes',
      assessment: 'automated',
    },
    { id: '5.6.6', title: 'Consider firewalling GKE worker nodes', assessment: 'automated' },
    {
      id: '5.6.7',
      title: 'Ensure use of Google-managed SSL Certificates',
      assessment: 'manual',
      note: 'Ingress and ManagedCertificate objects live inside the cluster.',
    },
    {
      id: '5.7.1',
      title: 'Ensure Logging and Cloud Monitoring is Enabled',
      assessment: 'automated',
    },
    {
      id: '5.7.2',
      title: 'Enable Linux auditd logging',
      assessment: 'manual',
      note: 'The auditd DaemonSet lives inside the cluster.',
    },
    {
      id: '5.8.1',
      title: 'Ensure authentication using Client Certificates is Disabled',
      assessment: 'automated',
    },
    {
      id: '5.8.2',
      title: 'Manage Kubernetes RBAC users with Google Groups for GKE',
      assessment: 'automated',
    },
    {
      id: '5.8.3',
      title: 'Ensure Legacy Authorization (ABAC) is Disabled',
      assessment: 'automated',
    },
    {
      id: '5.9.1',
      title: 'Enable Customer-Managed Encryption Keys (CMEK) for GKE Persistent Disks (PD)',
      assessment: 'automated',
      note: 'Judged on the disks that exist; StorageClass parameters for future volumes live inside the cluster.',
    },
    {
      id: '5.9.2',
      title: 'Enable Customer-Managed Encryption Keys (CMEK) for Boot Disks',
      assessment: 'automated',
    },
    { id: '5.10.1', title: 'Ensure Kubernetes Web UI is Disabled', assessment: 'automated' },
    {
      id: '5.10.2',
      title: 'Ensure that Alpha clusters are not used for production workloads',
      assessment: 'automated',
    },
    {
      id: '5.10.3',
      title: 'Consider GKE Sandbox for running untrusted workloads',
      assessment: 'automated',
    },
    { id: '5.10.4', title: 'Enable Security Posture', assessment: 'automated' },
  ],
};
