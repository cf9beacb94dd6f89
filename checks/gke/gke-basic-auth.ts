import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

export const gkeBasicAuth: GkeCheck = {
  meta: {
    id: 'gke-basic-auth',
    provider: 'gke',
    title: 'GKE cluster has no static basic-authentication password',
    severity: 'high',
    family: 'static-cluster-credentials',
    categories: ['iam'],
    risk: 'A static username and password is a long-lived admin credential that cannot be scoped, audited per person or revoked without updating the cluster.',
    remediation: {
      summary:
        'Remove basic authentication (removed in GKE 1.19; upgrade clusters still carrying it).',
      cli: 'gcloud container clusters update <cluster> --location <location> --no-enable-basic-auth',
      iac: 'Terraform google_container_cluster: no master_auth { username / password }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication#legacy-auth',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const auth = cluster.masterAuth;
    const evidence = [
      ev('cluster.masterAuth.username', auth?.username),
      ev('cluster.masterAuth.password', auth?.password ? '(present)' : undefined),
    ];
    // masterAuth always carries clusterCaCertificate, so its absence means an incomplete input.
    if (!auth)
      return unknown(
        `Cluster ${ref.name}: the input has no masterAuth, so basic authentication cannot be judged.`,
        evidence,
      );
    // Proto3 JSON omits empty strings: no username and no password means basic auth is off.
    return auth.username || auth.password
      ? fail(
          `Cluster ${ref.name} has basic authentication configured (username ${auth.username ?? '(none)'}).`,
          evidence,
        )
      : pass(`Cluster ${ref.name} has no basic-authentication credentials.`, evidence);
  },
};
