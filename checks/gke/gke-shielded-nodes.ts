import type { GkeCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';
import { isAutopilot } from './shared/cluster';

const PATH = 'cluster.shieldedNodes.enabled';

export const gkeShieldedNodes: GkeCheck = {
  meta: {
    id: 'gke-shielded-nodes',
    provider: 'gke',
    title: 'GKE cluster uses Shielded GKE Nodes',
    severity: 'medium',
    family: 'node-integrity',
    categories: ['control-plane'],
    risk: 'Without Shielded GKE Nodes, an attacker who extracts a node bootstrap credential can impersonate a node and read Secrets scheduled to it.',
    remediation: {
      summary: 'Enable Shielded GKE Nodes on the cluster.',
      cli: 'gcloud container clusters update <cluster> --location <location> --enable-shielded-nodes',
      iac: 'Terraform google_container_cluster: enable_shielded_nodes = true',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/shielded-gke-nodes',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.5'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    if (isAutopilot(cluster)) {
      return notApplicable(
        `Cluster ${ref.name} is an Autopilot cluster: Google manages Shielded GKE Nodes (always on).`,
        [ev('cluster.autopilot.enabled', true)],
      );
    }
    const value = cluster.shieldedNodes?.enabled;
    const evidence = [ev(PATH, value)];
    // Proto3 JSON omits false: an absent value means Shielded GKE Nodes are off.
    return value === true
      ? pass(`Cluster ${ref.name} uses Shielded GKE Nodes.`, evidence)
      : fail(
          `Cluster ${ref.name} does not use Shielded GKE Nodes (shieldedNodes.enabled is not set).`,
          evidence,
        );
  },
};
