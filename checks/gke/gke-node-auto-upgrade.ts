import type { GkeCheck } from '../../core/check';
import { judgeBoolean } from './shared/node-setting';
import { evaluateNodes } from './shared/node-targets';

export const gkeNodeAutoUpgrade: GkeCheck = {
  meta: {
    id: 'gke-node-auto-upgrade',
    provider: 'gke',
    title: 'GKE node pools have auto-upgrade enabled',
    severity: 'medium',
    family: 'node-auto-upgrade',
    categories: ['lifecycle'],
    risk: 'Without auto-upgrade, nodes keep running Kubernetes and OS versions with known vulnerabilities until someone upgrades them by hand.',
    remediation: {
      summary: 'Enable auto-upgrade on every node pool and on node auto-provisioning.',
      cli: 'gcloud container node-pools update <pool> --cluster <cluster> --location <location> --enable-autoupgrade',
      iac: 'Terraform google_container_node_pool: management { auto_upgrade = true }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/node-auto-upgrades',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.3'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    return evaluateNodes(snapshot, {
      setting: 'node auto-upgrade',
      googleManagedOnAutopilot: true,
      pool: (t) =>
        judgeBoolean(
          t,
          `${t.path}.management.autoUpgrade`,
          t.pool.management?.autoUpgrade,
          'auto-upgrade',
        ),
      nap: (t) =>
        judgeBoolean(
          t,
          `${t.path}.management.autoUpgrade`,
          t.defaults.management?.autoUpgrade,
          'auto-upgrade',
        ),
    });
  },
};
