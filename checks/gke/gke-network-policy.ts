import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

export const gkeNetworkPolicy: GkeCheck = {
  meta: {
    id: 'gke-network-policy',
    provider: 'gke',
    title: 'GKE cluster enforces Kubernetes NetworkPolicy',
    severity: 'medium',
    family: 'network-policy',
    categories: ['network'],
    risk: 'Without a network-policy enforcer, NetworkPolicy objects are silently ignored: every Pod can reach every other Pod, so one compromised workload can reach all the others.',
    remediation: {
      summary:
        'Use GKE Dataplane V2 (which always enforces NetworkPolicy) or enable Calico network policy enforcement.',
      cli: 'gcloud container clusters create <cluster> --enable-dataplane-v2, or: gcloud container clusters update <cluster> --update-addons=NetworkPolicy=ENABLED && gcloud container clusters update <cluster> --enable-network-policy',
      iac: 'Terraform google_container_cluster: datapath_provider = "ADVANCED_DATAPATH", or network_policy { enabled = true } with addons_config { network_policy_config { disabled = false } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/network-policy',
    },
    frameworks: { 'cis-gke-1.9.0': ['4.3.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const datapath = cluster.networkConfig?.datapathProvider;
    const enabled = cluster.networkPolicy?.enabled;
    const addonDisabled = cluster.addonsConfig?.networkPolicyConfig?.disabled;
    const evidence = [
      ev('cluster.networkConfig.datapathProvider', datapath),
      ev('cluster.networkPolicy.enabled', enabled),
      ev('cluster.networkPolicy.provider', cluster.networkPolicy?.provider),
      ev('cluster.addonsConfig.networkPolicyConfig.disabled', addonDisabled),
    ];
    // Dataplane V2 enforces NetworkPolicy itself; the Calico fields are then unset.
    if (datapath === 'ADVANCED_DATAPATH') {
      return pass(
        `Cluster ${ref.name} uses GKE Dataplane V2, which enforces NetworkPolicy.`,
        evidence,
      );
    }
    // Proto3 JSON omits false: an absent `enabled` means enforcement is off.
    if (enabled === true && addonDisabled !== true) {
      return pass(
        `Cluster ${ref.name} enforces NetworkPolicy (networkPolicy.enabled=true).`,
        evidence,
      );
    }
    return fail(
      enabled === true
        ? `Cluster ${ref.name} has networkPolicy.enabled=true but the NetworkPolicy add-on is disabled, so policies are not enforced.`
        : `Cluster ${ref.name} does not enforce NetworkPolicy (no Dataplane V2, networkPolicy.enabled is not set).`,
      evidence,
    );
  },
};
