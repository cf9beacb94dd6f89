import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

export const gkeSecurityPosture: GkeCheck = {
  meta: {
    id: 'gke-security-posture',
    provider: 'gke',
    title: 'GKE security posture and workload vulnerability scanning are enabled',
    severity: 'low',
    family: 'security-posture',
    categories: ['supply-chain'],
    risk: 'Without the security posture dashboard and workload vulnerability scanning, misconfigured workloads and vulnerable running images go unreported.',
    remediation: {
      summary:
        'Set the security posture mode to standard (BASIC) or ENTERPRISE and enable workload vulnerability scanning.',
      cli: 'gcloud container clusters update <cluster> --location <location> --security-posture=standard --workload-vulnerability-scanning=standard',
      iac: 'Terraform google_container_cluster: security_posture_config { mode = "BASIC" vulnerability_mode = "VULNERABILITY_BASIC" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/about-security-posture-dashboard',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.10.4'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const cfg = cluster.securityPostureConfig;
    const evidence = [
      ev('cluster.securityPostureConfig.mode', cfg?.mode),
      ev('cluster.securityPostureConfig.vulnerabilityMode', cfg?.vulnerabilityMode),
    ];
    // Proto3 JSON omits *_UNSPECIFIED: an absent mode is not configured.
    const postureOn = cfg?.mode === 'BASIC' || cfg?.mode === 'ENTERPRISE';
    const vulnOn =
      cfg?.vulnerabilityMode === 'VULNERABILITY_BASIC' ||
      cfg?.vulnerabilityMode === 'VULNERABILITY_ENTERPRISE';
    if (postureOn && vulnOn) {
      return pass(
        `Cluster ${ref.name} has security posture ${cfg?.mode} and vulnerability scanning ${cfg?.vulnerabilityMode}.`,
        evidence,
      );
    }
    const off = [
      !postureOn && `security posture (mode=${cfg?.mode ?? 'unset'})`,
      !vulnOn &&
        `workload vulnerability scanning (vulnerabilityMode=${cfg?.vulnerabilityMode ?? 'unset'})`,
    ].filter(Boolean);
    return fail(`Cluster ${ref.name} has ${off.join(' and ')} off.`, evidence);
  },
};
