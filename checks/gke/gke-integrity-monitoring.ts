import type { GkeCheck } from '../../core/check';
import { judgeBoolean } from './shared/node-setting';
import { evaluateNodes } from './shared/node-targets';

export const gkeIntegrityMonitoring: GkeCheck = {
  meta: {
    id: 'gke-integrity-monitoring',
    provider: 'gke',
    title: 'GKE nodes have Shielded VM integrity monitoring enabled',
    severity: 'medium',
    family: 'node-integrity-monitoring',
    categories: ['control-plane'],
    risk: 'Without integrity monitoring, a tampered node boot sequence (bootkit, rootkit) goes unreported.',
    remediation: {
      summary:
        'Create node pools with integrity monitoring enabled (it cannot be changed in place) and set it for node auto-provisioning.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --shielded-integrity-monitoring',
      iac: 'Terraform google_container_node_pool: node_config { shielded_instance_config { enable_integrity_monitoring = true } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#node_integrity',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.6'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    return evaluateNodes(snapshot, {
      setting: 'Shielded VM integrity monitoring',
      googleManagedOnAutopilot: true,
      pool: (t, c) =>
        judgeBoolean(
          t,
          `${t.path}.config.shieldedInstanceConfig.enableIntegrityMonitoring`,
          c.shieldedInstanceConfig?.enableIntegrityMonitoring,
          'integrity monitoring',
        ),
      nap: (t) =>
        judgeBoolean(
          t,
          `${t.path}.shieldedInstanceConfig.enableIntegrityMonitoring`,
          t.defaults.shieldedInstanceConfig?.enableIntegrityMonitoring,
          'integrity monitoring',
        ),
    });
  },
};
