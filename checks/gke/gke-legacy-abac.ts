import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.legacyAbac.enabled';

export const gkeLegacyAbac: GkeCheck = {
  meta: {
    id: 'gke-legacy-abac',
    provider: 'gke',
    title: 'GKE cluster has legacy ABAC authorization disabled',
    severity: 'high',
    family: 'legacy-authorization',
    categories: ['iam', 'control-plane'],
    risk: 'Legacy ABAC grants broad, static permissions that bypass Kubernetes RBAC; any identity it names keeps its rights regardless of the RBAC policy.',
    remediation: {
      summary: 'Disable legacy authorization so that only RBAC (and IAM) decide access.',
      cli: 'gcloud container clusters update <cluster> --location <location> --no-enable-legacy-authorization',
      iac: 'Terraform google_container_cluster: enable_legacy_abac = false',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/hardening-your-cluster#leave_abac_disabled_default_for_110',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.8.3'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.legacyAbac?.enabled;
    const evidence = [ev(PATH, value)];
    // Proto3 JSON omits false: `legacyAbac: {}` and a missing `legacyAbac` both mean disabled.
    return value === true
      ? fail(`Cluster ${ref.name} has legacy ABAC enabled (legacyAbac.enabled=true).`, evidence)
      : pass(
          `Cluster ${ref.name} has legacy ABAC disabled (legacyAbac.enabled is not set).`,
          evidence,
        );
  },
};
