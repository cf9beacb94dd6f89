import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { evaluateNodes } from './shared/node-targets';

export const gkePrivateNodes: GkeCheck = {
  meta: {
    id: 'gke-private-nodes',
    provider: 'gke',
    title: 'GKE nodes have internal IP addresses only',
    severity: 'high',
    family: 'private-nodes',
    categories: ['network'],
    risk: 'Nodes with external IP addresses are directly reachable from the internet wherever a firewall rule allows it (kubelet, NodePorts, SSH).',
    remediation: {
      summary:
        'Enable private nodes for the cluster (and every node pool); use Cloud NAT for egress.',
      cli: 'gcloud container clusters update <cluster> --location <location> --enable-private-nodes (per pool: gcloud container node-pools update <pool> --cluster <cluster> --enable-private-nodes)',
      iac: 'Terraform google_container_cluster: private_cluster_config { enable_private_nodes = true }; google_container_node_pool: network_config { enable_private_nodes = true }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/latest/network-isolation',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.6.5'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const { cluster } = snapshot;
    // The cluster default: the current field, else the legacy private-cluster flag. Both are
    // optional booleans; absent means public nodes.
    const clusterDefault =
      cluster.networkConfig?.defaultEnablePrivateNodes ??
      cluster.privateClusterConfig?.enablePrivateNodes;
    const clusterEvidence = [
      ev(
        'cluster.networkConfig.defaultEnablePrivateNodes',
        cluster.networkConfig?.defaultEnablePrivateNodes,
      ),
      ev(
        'cluster.privateClusterConfig.enablePrivateNodes',
        cluster.privateClusterConfig?.enablePrivateNodes,
      ),
    ];
    const judge = (label: string, value: boolean | undefined, evidence = clusterEvidence) =>
      value === true
        ? { ok: true as const, msg: `${label} has private nodes (internal IPs only).`, evidence }
        : { ok: false as const, msg: `${label} has nodes with external IP addresses.`, evidence };
    return evaluateNodes(snapshot, {
      setting: 'private nodes',
      googleManagedOnAutopilot: false,
      pool(t) {
        // A pool-level `enablePrivateNodes` overrides the cluster default (NodeNetworkConfig).
        const own = t.pool.networkConfig?.enablePrivateNodes;
        const r = judge(t.label, own ?? clusterDefault, [
          ev(`${t.path}.networkConfig.enablePrivateNodes`, own),
          ...clusterEvidence,
        ]);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
      nap(t) {
        const r = judge(t.label, clusterDefault);
        return r.ok ? pass(r.msg, r.evidence, t.subject) : fail(r.msg, r.evidence, t.subject);
      },
    });
  },
};
