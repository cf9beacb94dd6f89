import type { AksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.networkProfile.outboundType';
const CONTROLLED = new Set([
  'userdefinedrouting',
  'managednatgateway',
  'userassignednatgateway',
  'none',
]);

export const aksEgressLockdown: AksCheck = {
  meta: {
    id: 'aks-egress-lockdown',
    provider: 'aks',
    title: 'AKS cluster egress goes through a controlled path',
    severity: 'informational',
    family: 'egress-control',
    categories: ['network'],
    risk: 'With the default load-balancer outbound type, nodes and pods reach any internet address; nothing stops data exfiltration or pulls from unapproved registries.',
    remediation: {
      summary:
        'Route egress through a firewall (userDefinedRouting) or a NAT gateway with an allowlist downstream. The outbound type can only be changed with a cluster update that reconfigures networking.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --outbound-type userDefinedRouting',
      iac: 'Bicep: properties.networkProfile.outboundType: \'userDefinedRouting\'; Terraform azurerm_kubernetes_cluster: network_profile { outbound_type = "userDefinedRouting" }',
      url: 'https://learn.microsoft.com/azure/aks/limit-egress-traffic',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const profile = cluster.networkProfile;
    if (!profile) {
      return unknown(`Cluster ${ref.name}: networkProfile is missing from the input.`, [
        ev('cluster.networkProfile', profile),
      ]);
    }
    const value = profile.outboundType;
    const evidence = [ev(PATH, value)];
    if (value !== undefined && CONTROLLED.has(value.toLowerCase())) {
      return pass(`Cluster ${ref.name} sends egress through outboundType=${value}.`, evidence);
    }
    // Unset is the documented default, loadBalancer.
    return fail(
      `Cluster ${ref.name} sends egress straight out through the load balancer (outboundType=${value ?? 'unset, default loadBalancer'}).`,
      evidence,
    );
  },
};
