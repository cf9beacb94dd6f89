import type { Provider } from '../../core/provider';
import type { ProviderModel } from './types';

/** The providers' shared-responsibility pages and what each runs for every cluster. */
export const PROVIDER_MODELS: Readonly<Record<Provider, ProviderModel>> = {
  eks: {
    provider: 'eks',
    service: 'Amazon EKS',
    url: 'https://docs.aws.amazon.com/eks/latest/userguide/security.html',
    runs: 'AWS runs the Kubernetes control plane (API servers, etcd, scheduler, controllers) across three Availability Zones, patches it, replaces unhealthy instances, encrypts etcd volumes, and secures the underlying infrastructure (security of the cloud). The customer configures access, networking, logging, encryption keys, node groups and add-ons (security in the cloud).',
  },
  gke: {
    provider: 'gke',
    service: 'Google GKE',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/shared-responsibility',
    runs: 'Google runs and patches the control plane (API server, etcd, controllers), encrypts data at rest by default, provides the node OS images and, on Autopilot, manages the nodes. The customer configures cluster access, networking, IAM of nodes and workloads, logging, keys and (on Standard) node pools.',
  },
  aks: {
    provider: 'aks',
    service: 'Azure AKS',
    url: 'https://learn.microsoft.com/en-us/azure/aks/support-policies',
    runs: 'Microsoft runs the Kubernetes control plane (API server, etcd, scheduler, controllers) at no customer access, patches it, encrypts etcd at rest with platform keys, and provides node images with security patches. The customer configures identity, API access, networking, logging, keys, agent pools and their upgrades.',
  },
};
