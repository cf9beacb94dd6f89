import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

export const gkeClientCertificate: GkeCheck = {
  meta: {
    id: 'gke-client-certificate',
    provider: 'gke',
    title: 'GKE cluster issues no client certificate',
    severity: 'medium',
    family: 'static-cluster-credentials',
    categories: ['iam'],
    risk: 'A client certificate is a static, non-revocable cluster-admin credential: whoever obtains it keeps access until the cluster CA is rotated.',
    remediation: {
      summary:
        'Create clusters without a client certificate and rotate credentials on clusters that have one.',
      cli: 'gcloud container clusters create <cluster> --no-issue-client-certificate; for an existing cluster: gcloud container clusters update <cluster> --start-credential-rotation',
      iac: 'Terraform google_container_cluster: master_auth { client_certificate_config { issue_client_certificate = false } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/api-server-authentication#legacy-auth',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.8.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const auth = cluster.masterAuth;
    const issue = auth?.clientCertificateConfig?.issueClientCertificate;
    const evidence = [
      ev('cluster.masterAuth.clientCertificateConfig.issueClientCertificate', issue),
      // The certificate itself is not evidence material; record whether it is there.
      ev('cluster.masterAuth.clientCertificate', auth?.clientCertificate ? '(present)' : undefined),
    ];
    // masterAuth always carries clusterCaCertificate, so its absence means an incomplete input.
    if (!auth)
      return unknown(
        `Cluster ${ref.name}: the input has no masterAuth, so client certificates cannot be judged.`,
        evidence,
      );
    // clusterCaCertificate is the CA, present on every cluster: it is not a client credential.
    return issue === true || auth.clientCertificate || auth.clientKey
      ? fail(`Cluster ${ref.name} has a client certificate issued.`, evidence)
      : pass(`Cluster ${ref.name} has no client certificate.`, evidence);
  },
};
