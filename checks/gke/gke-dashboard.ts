import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { compareMinor } from '../../core/version-calendar';
import { minorOf } from './shared/cluster';

export const gkeDashboard: GkeCheck = {
  meta: {
    id: 'gke-dashboard',
    provider: 'gke',
    title: 'GKE cluster has the Kubernetes Dashboard add-on disabled',
    severity: 'medium',
    family: 'dashboard',
    categories: ['control-plane'],
    risk: 'The Kubernetes Dashboard runs with a highly privileged service account and has been a frequent entry point for cluster takeovers.',
    remediation: {
      summary: 'Disable the Kubernetes Dashboard add-on (use the Google Cloud console instead).',
      cli: 'gcloud container clusters update <cluster> --location <location> --update-addons=KubernetesDashboard=DISABLED',
      iac: 'Terraform google_container_cluster: addons_config { kubernetes_dashboard { disabled = true } } (provider versions that still have it)',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/dashboards#kubernetes_dashboard',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.10.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const dash = cluster.addonsConfig?.kubernetesDashboard;
    const version = cluster.currentMasterVersion;
    const evidence = [
      ev('cluster.addonsConfig.kubernetesDashboard.disabled', dash?.disabled),
      ev('cluster.currentMasterVersion', version),
    ];
    if (dash?.disabled === true)
      return pass(`Cluster ${ref.name} has the Kubernetes Dashboard add-on disabled.`, evidence);
    // A present `kubernetesDashboard: {}` is `disabled: false` (proto3 omits false): it is on.
    if (dash)
      return fail(`Cluster ${ref.name} has the Kubernetes Dashboard add-on enabled.`, evidence);
    // No add-on message: GKE removed the add-on in 1.19, so newer clusters cannot have it.
    const minor = minorOf(version);
    return minor && compareMinor(minor, '1.19') >= 0
      ? pass(
          `Cluster ${ref.name} runs ${version}, which has no Kubernetes Dashboard add-on.`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} does not report the Kubernetes Dashboard add-on as disabled (version ${version ?? 'unknown'}).`,
          evidence,
        );
  },
};
