import type { AksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import type { AzureSecurityRule } from '../../core/snapshot-aks';

const PATH = 'parts.networkSecurityGroups';
const ANY_SOURCE = new Set(['*', 'internet', 'any', '0.0.0.0/0', '::/0']);
/**
 * Rules the Azure cloud provider writes for `type: LoadBalancer` services: older versions name
 * them `a<service uid>-<protocol>-<port>-<source>`, newer ones `k8s-azure-lb_allow_...`.
 */
const SERVICE_RULE = /^(a[0-9a-f]{32}-|k8s-azure-lb_)/i;

function opensToInternet(rule: AzureSecurityRule): boolean {
  const p = rule.properties ?? {};
  if (p.access?.toLowerCase() !== 'allow' || p.direction?.toLowerCase() !== 'inbound') return false;
  const sources = [p.sourceAddressPrefix, ...(p.sourceAddressPrefixes ?? [])].filter(
    (s): s is string => Boolean(s),
  );
  return sources.some((s) => ANY_SOURCE.has(s.toLowerCase()));
}

export const aksNodeNsgOpen: AksCheck = {
  meta: {
    id: 'aks-node-nsg-open',
    provider: 'aks',
    title: 'AKS node NSGs allow no internet inbound traffic beyond load-balancer services',
    severity: 'medium',
    family: 'node-network-exposure',
    categories: ['network'],
    risk: 'An NSG rule that admits the internet to the node subnet exposes kubelet, NodePorts and SSH on every node, beside the load balancer the cluster manages.',
    remediation: {
      summary:
        'Remove hand-written inbound rules that allow Internet/Any on the node subnet NSG and the AKS-managed NSG; expose workloads only through LoadBalancer services or an ingress.',
      cli: 'az network nsg rule delete --resource-group <rg> --nsg-name <nsg> --name <rule>',
      iac: 'Bicep: Microsoft.Network/networkSecurityGroups securityRules without Inbound Allow from Internet/*; Terraform azurerm_network_security_rule: no source_address_prefix = "*"/"Internet" on inbound allow rules',
      url: 'https://learn.microsoft.com/azure/aks/concepts-network#network-security-groups',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.3'] },
    reads: ['network:Subnets.Get', 'network:NetworkSecurityGroups.List'],
  },
  evaluate({ parts, ref }) {
    const read = readPart(
      parts.networkSecurityGroups,
      `Network security groups of cluster ${ref.name}`,
      PATH,
    );
    if (!read.ok) return read.outcome;
    const open: string[] = [];
    const evidence = [];
    for (const [i, nsg] of read.value.entries()) {
      for (const [j, rule] of (nsg.properties?.securityRules ?? []).entries()) {
        if (!opensToInternet(rule) || SERVICE_RULE.test(rule.name ?? '')) continue;
        const ports = [
          rule.properties?.destinationPortRange,
          ...(rule.properties?.destinationPortRanges ?? []),
        ]
          .filter(Boolean)
          .join(',');
        open.push(`${nsg.name ?? i}/${rule.name ?? j} (ports ${ports || '?'})`);
        evidence.push(ev(`${PATH}[${i}].properties.securityRules[${j}]`, rule));
      }
    }
    if (open.length > 0) {
      return fail(
        `Cluster ${ref.name}: NSG rule(s) allow internet inbound traffic to the nodes: ${open.join('; ')}.`,
        evidence,
      );
    }
    const names = read.value.map((n) => n.name ?? '?');
    if (read.incomplete)
      return unknown(`${read.incomplete}; the NSGs read (${names.join(', ')}) are closed.`, [
        ev(`${PATH}[].name`, names),
      ]);
    return pass(
      `Cluster ${ref.name}: its node NSGs (${names.join(', ') || 'none'}) admit the internet only through load-balancer service rules.`,
      [ev(`${PATH}[].name`, names)],
    );
  },
};
