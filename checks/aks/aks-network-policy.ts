import type { AksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PROFILE = 'cluster.networkProfile';
const POLICY = 'cluster.networkProfile.networkPolicy';
const DATAPLANE = 'cluster.networkProfile.networkDataplane';
const ENGINES = new Set(['azure', 'calico', 'cilium']);

export const aksNetworkPolicy: AksCheck = {
  meta: {
    id: 'aks-network-policy',
    provider: 'aks',
    title: 'AKS cluster has a network policy engine',
    severity: 'medium',
    family: 'network-policy',
    categories: ['network'],
    risk: 'Without a network policy engine, Kubernetes NetworkPolicy objects are silently ignored: every pod can reach every other pod, so one compromised workload can move laterally across the cluster.',
    remediation: {
      summary:
        'Enable a network policy engine (Azure, Calico or Cilium) and write NetworkPolicies that deny by default.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --network-policy azure (or cilium with --network-dataplane cilium)',
      iac: "Bicep: properties.networkProfile.networkPolicy: 'azure' | 'calico' | 'cilium'; Terraform azurerm_kubernetes_cluster: network_profile { network_policy = \"azure\" }",
      url: 'https://learn.microsoft.com/azure/aks/use-network-policies',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.4'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const profile = cluster.networkProfile;
    const policy = profile?.networkPolicy;
    const evidence = [ev(POLICY, policy), ev(DATAPLANE, profile?.networkDataplane)];
    // The API always returns networkProfile; without it the export is incomplete.
    if (!profile) {
      return unknown(`Cluster ${ref.name}: networkProfile is missing from the input.`, [
        ev(PROFILE, profile),
      ]);
    }
    // "none" is an explicit choice of no engine (Prowler and Steampipe pass any non-null value).
    if (policy !== undefined && ENGINES.has(policy.toLowerCase())) {
      return pass(`Cluster ${ref.name} enforces network policies with ${policy}.`, evidence);
    }
    return fail(
      `Cluster ${ref.name} has no network policy engine (networkPolicy=${policy ?? 'unset'}).`,
      evidence,
    );
  },
};
