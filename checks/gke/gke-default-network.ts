import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { lastSegment } from './shared/cluster';

export const gkeDefaultNetwork: GkeCheck = {
  meta: {
    id: 'gke-default-network',
    provider: 'gke',
    title: 'GKE cluster does not use the default VPC network',
    severity: 'low',
    family: 'default-network',
    categories: ['network'],
    risk: 'The auto-created default network has permissive pre-populated firewall rules (SSH, RDP and ICMP from anywhere, all internal traffic) and is shared by unrelated workloads.',
    remediation: {
      summary: 'Run the cluster in a dedicated custom-mode VPC with firewall rules scoped to it.',
      cli: 'gcloud container clusters create <cluster> --location <location> --network <vpc> --subnetwork <subnet>',
      iac: 'Terraform google_container_cluster: network = <custom VPC>, subnetwork = <custom subnet>',
      url: 'https://cloud.google.com/vpc/docs/vpc#default-network',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const network = cluster.networkConfig?.network ?? cluster.network;
    const evidence = [
      ev('cluster.network', cluster.network),
      ev('cluster.networkConfig.network', cluster.networkConfig?.network),
    ];
    // The API always returns the network; without it the input is incomplete.
    if (!network) {
      return unknown(`Cluster ${ref.name}: the input names no network.`, evidence);
    }
    return lastSegment(network) === 'default'
      ? fail(`Cluster ${ref.name} runs on the default VPC network (${network}).`, evidence)
      : pass(
          `Cluster ${ref.name} runs on network ${lastSegment(network)}, not the default network.`,
          evidence,
        );
  },
};
