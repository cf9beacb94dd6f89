import type { Framework } from './types';

/**
 * CIS Amazon EKS Benchmark v1.8.0: the recommendations on the customer's side that the cloud
 * APIs can answer (control-plane logging, section 4 items that EKS exposes, section 5 managed
 * services). Sections 3 and most of 4 are read inside the cluster and are out of this tool's scope.
 * Titles as in the benchmark (kube-bench `cfg/eks-1.8.0`).
 */
export const CIS_EKS_1_8_0: Framework = {
  id: 'cis-eks-1.8.0',
  title: 'CIS Amazon Elastic Kubernetes Service (EKS) Benchmark',
  version: '1.8.0',
  requirements: [
    { id: '2.1.1', title: 'Enable audit Logs', assessment: 'automated' },
    { id: '2.1.2', title: 'Ensure audit logs are collected and managed', assessment: 'automated' },
    {
      id: '4.1.1',
      title: 'Ensure that the cluster-admin role is only used where required',
      assessment: 'automated',
      note: 'The API shows cluster-admin grants made through EKS access entries; RoleBindings inside the cluster need in-cluster access.',
    },
    {
      id: '4.1.7',
      title:
        'Cluster Access Manager API to streamline and enhance security while managing access to Kubernetes resources',
      assessment: 'automated',
    },
    { id: '4.3.1', title: 'Ensure CNI plugin supports network policies', assessment: 'automated' },
    {
      id: '5.1.1',
      title:
        'Ensure Image Vulnerability Scanning using Amazon ECR image scanning or a third party provider',
      assessment: 'automated',
    },
    { id: '5.1.2', title: 'Minimize user access to Amazon ECR', assessment: 'automated' },
    {
      id: '5.1.3',
      title: 'Minimize cluster access to read-only for Amazon ECR',
      assessment: 'automated',
    },
    {
      id: '5.1.4',
      title: 'Minimize Container Registries to only those approved',
      assessment: 'manual',
      note: 'Enforced by admission policy inside the cluster; no cloud API exposes it.',
    },
    { id: '5.2.1', title: 'Prefer using dedicated EKS Service Accounts', assessment: 'automated' },
    {
      id: '5.3.1',
      title:
        'Ensure Kubernetes Secrets are encrypted using Customer Master Keys (CMKs) managed in AWS KMS',
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
      assessment: 'automated',
    },
    {
      id: '5.5.1',
      title:
        'Manage Kubernetes RBAC users with AWS IAM Authenticator for Kubernetes or Upgrade to AWS CLI v1.16.156 or greater',
      assessment: 'automated',
    },
  ],
};
