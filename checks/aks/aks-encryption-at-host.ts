import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { agentPools, poolPath, poolSubject } from './support/pools';

export const aksEncryptionAtHost: AksCheck = {
  meta: {
    id: 'aks-encryption-at-host',
    provider: 'aks',
    title: 'AKS agent pools encrypt temporary disks and caches at the host',
    severity: 'medium',
    family: 'node-disk-encryption',
    categories: ['data-protection'],
    risk: 'Without encryption at host, temporary disks and OS/data disk caches of the nodes (which can hold secrets, images and container scratch data) are not encrypted at rest.',
    remediation: {
      summary:
        'Create agent pools with encryption at host (register the EncryptionAtHost feature on the subscription first) and move workloads to them.',
      cli: 'az aks nodepool add --resource-group <rg> --cluster-name <cluster> --name <pool> --enable-encryption-at-host',
      iac: 'Bicep: agentPoolProfiles[].enableEncryptionAtHost: true; Terraform azurerm_kubernetes_cluster default_node_pool / azurerm_kubernetes_cluster_node_pool: host_encryption_enabled = true',
      url: 'https://learn.microsoft.com/azure/aks/enable-host-encryption',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const read = agentPools(cluster, ref.name);
    if (!read.ok) return read.outcome;
    // All pools must comply: a cluster is not encrypted because one of its pools is.
    return read.pools.map((pool, i) => {
      const value = pool.enableEncryptionAtHost;
      const subject = poolSubject(pool, i);
      const evidence = [ev(poolPath(i, 'enableEncryptionAtHost'), value)];
      // Optional in ARM, default false.
      return value === true
        ? pass(
            `Agent pool ${subject.name} of cluster ${ref.name} encrypts at host.`,
            evidence,
            subject,
          )
        : fail(
            `Agent pool ${subject.name} of cluster ${ref.name} does not encrypt at host (enableEncryptionAtHost=${value ?? 'unset'}).`,
            evidence,
            subject,
          );
    });
  },
};
