import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

export const gkeBinaryAuthorization: GkeCheck = {
  meta: {
    id: 'gke-binary-authorization',
    provider: 'gke',
    title: 'GKE cluster enforces Binary Authorization',
    severity: 'medium',
    family: 'image-admission-policy',
    categories: ['supply-chain'],
    risk: 'Without Binary Authorization, any image from any registry can run: a stolen deploy credential or a typosquatted image goes straight to production.',
    remediation: {
      summary:
        "Enforce the project's Binary Authorization policy on the cluster, allowing only approved registries or attested images.",
      cli: 'gcloud container clusters update <cluster> --location <location> --binauthz-evaluation-mode=PROJECT_SINGLETON_POLICY_ENFORCE',
      iac: 'Terraform google_container_cluster: binary_authorization { evaluation_mode = "PROJECT_SINGLETON_POLICY_ENFORCE" }',
      url: 'https://cloud.google.com/binary-authorization/docs/setting-up',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.1.4'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const ba = cluster.binaryAuthorization;
    const evidence = [
      ev('cluster.binaryAuthorization.evaluationMode', ba?.evaluationMode),
      ev('cluster.binaryAuthorization.enabled', ba?.enabled),
    ];
    if (ba?.evaluationMode === 'PROJECT_SINGLETON_POLICY_ENFORCE') {
      return pass(
        `Cluster ${ref.name} enforces the project's Binary Authorization policy.`,
        evidence,
      );
    }
    // The deprecated `enabled` flag applies only while evaluationMode is unset (proto3: absent).
    if (ba?.evaluationMode === undefined && ba?.enabled === true) {
      return pass(
        `Cluster ${ref.name} has Binary Authorization enabled (legacy enabled=true).`,
        evidence,
      );
    }
    return fail(
      `Cluster ${ref.name} does not enforce Binary Authorization (evaluationMode=${ba?.evaluationMode ?? 'unset'}).`,
      evidence,
    );
  },
};
