import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';

export const gkeIntranodeVisibilityFlowlogs: GkeCheck = {
  meta: {
    id: 'gke-intranode-visibility-flowlogs',
    provider: 'gke',
    title: 'GKE cluster has intranode visibility and VPC Flow Logs on its node subnet',
    severity: 'low',
    family: 'network-flow-logging',
    categories: ['logging', 'network'],
    risk: 'Without intranode visibility and VPC Flow Logs, Pod-to-Pod traffic leaves no network record for investigating lateral movement or exfiltration.',
    remediation: {
      summary:
        'Enable intranode visibility on the cluster and VPC Flow Logs on the node subnetwork.',
      cli: 'gcloud container clusters update <cluster> --location <location> --enable-intra-node-visibility; gcloud compute networks subnets update <subnet> --region <region> --enable-flow-logs',
      iac: 'Terraform google_container_cluster: enable_intranode_visibility = true; google_compute_subnetwork: log_config { ... }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/intranode-visibility',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.6.1'] },
    reads: ['container:projects.locations.clusters.get', 'compute:subnetworks.get'],
  },
  evaluate({ cluster, ref, parts }) {
    const intranode = cluster.networkConfig?.enableIntraNodeVisibility;
    const evidence = [ev('cluster.networkConfig.enableIntraNodeVisibility', intranode)];
    // Proto3 JSON omits false: absent means intranode visibility is off.
    if (intranode !== true) {
      return fail(`Cluster ${ref.name} has intranode visibility off.`, evidence);
    }
    const sub = readPart(parts.subnetwork, 'The node subnetwork', 'parts.subnetwork');
    if (!sub.ok) return sub.outcome;
    const flow = sub.value.logConfig?.enable;
    evidence.push(ev('parts.subnetwork.value.logConfig.enable', flow));
    const name = sub.value.name ?? 'the node subnetwork';
    if (flow === true) {
      return pass(
        `Cluster ${ref.name} has intranode visibility on and VPC Flow Logs on subnetwork ${name}.`,
        evidence,
      );
    }
    return sub.incomplete
      ? unknown(`${sub.incomplete}.`, evidence)
      : fail(
          `Cluster ${ref.name} has intranode visibility on but VPC Flow Logs off on subnetwork ${name}.`,
          evidence,
        );
  },
};
