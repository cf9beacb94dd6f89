import type { GkeCheck } from '../../core/check';
import { judgeBoolean } from './shared/node-setting';
import { evaluateNodes } from './shared/node-targets';

export const gkeNodeAutoRepair: GkeCheck = {
  meta: {
    id: 'gke-node-auto-repair',
    provider: 'gke',
    title: 'GKE node pools have auto-repair enabled',
    severity: 'medium',
    family: 'node-auto-repair',
    categories: ['lifecycle'],
    risk: 'Without auto-repair, unhealthy nodes stay in service until someone notices, degrading availability and leaving failed nodes unpatched.',
    remediation: {
      summary: 'Enable auto-repair on every node pool and on node auto-provisioning.',
      cli: 'gcloud container node-pools update <pool> --cluster <cluster> --location <location> --enable-autorepair',
      iac: 'Terraform google_container_node_pool: management { auto_repair = true }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-repair',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.2'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    return evaluateNodes(snapshot, {
      setting: 'node auto-repair',
      googleManagedOnAutopilot: true,
      pool: (t) =>
        judgeBoolean(
          t,
          `${t.path}.management.autoRepair`,
          t.pool.management?.autoRepair,
          'auto-repair',
        ),
      nap: (t) =>
        judgeBoolean(
          t,
          `${t.path}.management.autoRepair`,
          t.defaults.management?.autoRepair,
          'auto-repair',
        ),
    });
  },
};
