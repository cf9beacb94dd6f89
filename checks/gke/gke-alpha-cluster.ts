import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.enableKubernetesAlpha';

export const gkeAlphaCluster: GkeCheck = {
  meta: {
    id: 'gke-alpha-cluster',
    provider: 'gke',
    title: 'GKE cluster is not a Kubernetes alpha cluster',
    severity: 'medium',
    family: 'alpha-features',
    categories: ['lifecycle', 'control-plane'],
    risk: 'Alpha clusters run unstable Kubernetes features, are not covered by the GKE SLA, receive no upgrades and are deleted after 30 days.',
    remediation: {
      summary: 'Recreate the workload on a cluster created without Kubernetes alpha features.',
      cli: 'gcloud container clusters create <cluster> --location <location> (without --enable-kubernetes-alpha)',
      iac: 'Terraform google_container_cluster: enable_kubernetes_alpha = false',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/alpha-clusters',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.10.2'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.enableKubernetesAlpha;
    const evidence = [ev(PATH, value)];
    // Proto3 JSON omits false, so an absent field means not an alpha cluster.
    return value === true
      ? fail(
          `Cluster ${ref.name} is a Kubernetes alpha cluster (enableKubernetesAlpha=true).`,
          evidence,
        )
      : pass(
          `Cluster ${ref.name} is not an alpha cluster (enableKubernetesAlpha is not set).`,
          evidence,
        );
  },
};
