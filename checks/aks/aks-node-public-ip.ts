import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { agentPools, poolPath, poolSubject } from './support/pools';

export const aksNodePublicIp: AksCheck = {
  meta: {
    id: 'aks-node-public-ip',
    provider: 'aks',
    title: 'AKS agent pool nodes have no public IP addresses',
    severity: 'high',
    family: 'private-nodes',
    categories: ['network'],
    risk: 'Nodes with public IPs can be reached from the internet directly (kubelet, SSH, NodePort services), bypassing the load balancer and any egress/ingress controls.',
    remediation: {
      summary:
        'Recreate the agent pool without node public IPs (the setting cannot be changed on an existing pool).',
      cli: 'az aks nodepool add --resource-group <rg> --cluster-name <cluster> --name <newpool> (without --enable-node-public-ip), then delete the old pool',
      iac: 'Bicep: agentPoolProfiles[].enableNodePublicIP: false; Terraform azurerm_kubernetes_cluster_node_pool: node_public_ip_enabled = false',
      url: 'https://learn.microsoft.com/azure/aks/use-node-public-ips',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.3'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const read = agentPools(cluster, ref.name);
    if (!read.ok) return read.outcome;
    // Every pool is judged on its own (Prowler passes a cluster when any one pool is private).
    return read.pools.map((pool, i) => {
      const value = pool.enableNodePublicIP;
      const subject = poolSubject(pool, i);
      const evidence = [ev(poolPath(i, 'enableNodePublicIP'), value)];
      // Optional in ARM, default false.
      return value === true
        ? fail(
            `Agent pool ${subject.name} of cluster ${ref.name} gives its nodes public IP addresses.`,
            evidence,
            subject,
          )
        : pass(
            `Agent pool ${subject.name} of cluster ${ref.name} gives its nodes no public IP addresses.`,
            evidence,
            subject,
          );
    });
  },
};
