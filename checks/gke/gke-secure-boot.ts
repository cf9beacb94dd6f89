import type { GkeCheck } from '../../core/check';
import { judgeBoolean } from './shared/node-setting';
import { evaluateNodes } from './shared/node-targets';

export const gkeSecureBoot: GkeCheck = {
  meta: {
    id: 'gke-secure-boot',
    provider: 'gke',
    title: 'GKE nodes have Secure Boot enabled',
    severity: 'medium',
    family: 'node-secure-boot',
    categories: ['control-plane'],
    risk: 'Without Secure Boot, nodes can boot unsigned or tampered kernels and drivers, so a rootkit survives reboots.',
    remediation: {
      summary:
        'Create node pools with Secure Boot enabled (it cannot be changed in place) and set it for node auto-provisioning.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --shielded-secure-boot',
      iac: 'Terraform google_container_node_pool: node_config { shielded_instance_config { enable_secure_boot = true } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes#secure_boot',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.7'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    return evaluateNodes(snapshot, {
      setting: 'Secure Boot',
      googleManagedOnAutopilot: true,
      pool: (t, c) =>
        judgeBoolean(
          t,
          `${t.path}.config.shieldedInstanceConfig.enableSecureBoot`,
          c.shieldedInstanceConfig?.enableSecureBoot,
          'Secure Boot',
        ),
      nap: (t) =>
        judgeBoolean(
          t,
          `${t.path}.shieldedInstanceConfig.enableSecureBoot`,
          t.defaults.shieldedInstanceConfig?.enableSecureBoot,
          'Secure Boot',
        ),
    });
  },
};
