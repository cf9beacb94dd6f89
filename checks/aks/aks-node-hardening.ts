import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { agentPools, poolPath, poolSubject } from './support/pools';

export const aksNodeHardening: AksCheck = {
  meta: {
    id: 'aks-node-hardening',
    provider: 'aks',
    title: 'AKS agent pools use FIPS images and Trusted Launch (secure boot, vTPM)',
    severity: 'low',
    family: 'node-integrity',
    categories: ['control-plane'],
    risk: 'Without secure boot and vTPM, boot-level malware and rootkits on nodes go undetected; without FIPS-validated modules, regulated workloads cannot claim validated cryptography.',
    remediation: {
      summary:
        'Create agent pools with Trusted Launch (secure boot and vTPM) and, where required, FIPS-enabled images.',
      cli: 'az aks nodepool add --resource-group <rg> --cluster-name <cluster> --name <pool> --enable-fips-image --enable-secure-boot --enable-vtpm',
      iac: 'Bicep: agentPoolProfiles[].enableFIPS: true, securityProfile: { enableSecureBoot: true, enableVTPM: true }; Terraform azurerm_kubernetes_cluster_node_pool: fips_enabled = true',
      url: 'https://learn.microsoft.com/azure/aks/use-trusted-launch',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const read = agentPools(cluster, ref.name);
    if (!read.ok) return read.outcome;
    return read.pools.map((pool, i) => {
      const subject = poolSubject(pool, i);
      // All three are optional in ARM with default false.
      const settings = {
        enableFips: pool.enableFips,
        'securityProfile.enableSecureBoot': pool.securityProfile?.enableSecureBoot,
        'securityProfile.enableVtpm': pool.securityProfile?.enableVtpm,
      };
      const evidence = Object.entries(settings).map(([field, value]) =>
        ev(poolPath(i, field), value),
      );
      const off = Object.entries(settings)
        .filter(([, value]) => value !== true)
        .map(([field]) => field);
      return off.length === 0
        ? pass(
            `Agent pool ${subject.name} of cluster ${ref.name} has FIPS, secure boot and vTPM on.`,
            evidence,
            subject,
          )
        : fail(
            `Agent pool ${subject.name} of cluster ${ref.name} lacks: ${off.join(', ')}.`,
            evidence,
            subject,
          );
    });
  },
};
