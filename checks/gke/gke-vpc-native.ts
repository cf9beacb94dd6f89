import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.ipAllocationPolicy.useIpAliases';

export const gkeVpcNative: GkeCheck = {
  meta: {
    id: 'gke-vpc-native',
    provider: 'gke',
    title: 'GKE cluster is VPC-native (alias IP ranges)',
    severity: 'medium',
    family: 'vpc-native-networking',
    categories: ['network'],
    risk: 'Routes-based clusters give Pods addresses the VPC cannot see: firewall rules, VPC Flow Logs, Private Google Access and anti-spoofing checks do not apply to Pod traffic.',
    remediation: {
      summary:
        'Create the cluster as VPC-native (alias IPs) and migrate the workloads; an existing routes-based cluster cannot be converted.',
      cli: 'gcloud container clusters create <cluster> --location <location> --enable-ip-alias',
      iac: 'Terraform google_container_cluster: networking_mode = "VPC_NATIVE" and an ip_allocation_policy block',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/alias-ips',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.6.2'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.ipAllocationPolicy?.useIpAliases;
    const evidence = [ev(PATH, value)];
    // Proto3 JSON omits false: an absent useIpAliases is a routes-based cluster.
    return value === true
      ? pass(`Cluster ${ref.name} is VPC-native (useIpAliases=true).`, evidence)
      : fail(
          `Cluster ${ref.name} is routes-based (ipAllocationPolicy.useIpAliases is not set).`,
          evidence,
        );
  },
};
