import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

export const gkeGoogleGroupsRbac: GkeCheck = {
  meta: {
    id: 'gke-google-groups-rbac',
    provider: 'gke',
    title: 'GKE cluster uses Google Groups for RBAC',
    severity: 'low',
    family: 'identity-provider-groups',
    categories: ['iam'],
    risk: 'Without Google Groups for RBAC, Kubernetes permissions are granted to individual accounts, which is hard to review and leaves access behind when people change roles.',
    remediation: {
      summary: 'Enable Google Groups for RBAC with the gke-security-groups group of the domain.',
      cli: 'gcloud container clusters update <cluster> --location <location> --security-group gke-security-groups@<domain>',
      iac: 'Terraform google_container_cluster: authenticator_groups_config { security_group = "gke-security-groups@<domain>" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/google-groups-rbac',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.8.2'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const cfg = cluster.authenticatorGroupsConfig;
    const evidence = [
      ev('cluster.authenticatorGroupsConfig.enabled', cfg?.enabled),
      ev('cluster.authenticatorGroupsConfig.securityGroup', cfg?.securityGroup),
    ];
    // Proto3 JSON omits false and empty strings: absent means not configured.
    return cfg?.enabled === true && cfg.securityGroup
      ? pass(`Cluster ${ref.name} uses Google Groups for RBAC (${cfg.securityGroup}).`, evidence)
      : fail(`Cluster ${ref.name} does not use Google Groups for RBAC.`, evidence);
  },
};
