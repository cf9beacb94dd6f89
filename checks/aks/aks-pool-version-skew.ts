import type { AksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { agentPools, poolPath, poolSubject } from './support/pools';

const CLUSTER_VERSION = 'cluster.currentKubernetesVersion';

/** Compares dotted numeric versions ("1.29.2" < "1.30.0"); missing parts count as 0. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const aksPoolVersionSkew: AksCheck = {
  meta: {
    id: 'aks-pool-version-skew',
    provider: 'aks',
    title: 'AKS agent pools run the same Kubernetes version as the control plane',
    severity: 'low',
    family: 'node-version-skew',
    categories: ['lifecycle'],
    risk: 'Pools left behind the control plane miss the kubelet and node fixes of the newer version and drift towards the unsupported skew limit.',
    remediation: {
      summary: 'Upgrade the agent pool to the control plane version.',
      cli: 'az aks nodepool upgrade --resource-group <rg> --cluster-name <cluster> --name <pool> --kubernetes-version <control-plane-version>',
      iac: 'Bicep: agentPoolProfiles[].orchestratorVersion equal to properties.kubernetesVersion; Terraform azurerm_kubernetes_cluster_node_pool: orchestrator_version',
      url: 'https://learn.microsoft.com/azure/aks/upgrade-aks-cluster',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const read = agentPools(cluster, ref.name);
    if (!read.ok) return read.outcome;
    const control = cluster.currentKubernetesVersion;
    if (!control) {
      // Read-only field the API always returns; absent means an incomplete export.
      return unknown(`Cluster ${ref.name}: currentKubernetesVersion is missing from the input.`, [
        ev(CLUSTER_VERSION, control),
      ]);
    }
    return read.pools.map((pool, i) => {
      const subject = poolSubject(pool, i);
      const version = pool.currentOrchestratorVersion ?? pool.orchestratorVersion;
      const field = pool.currentOrchestratorVersion
        ? 'currentOrchestratorVersion'
        : 'orchestratorVersion';
      const evidence = [ev(CLUSTER_VERSION, control), ev(poolPath(i, field), version)];
      if (!version) {
        return unknown(
          `Agent pool ${subject.name} of cluster ${ref.name} has no orchestrator version in the input.`,
          evidence,
          subject,
        );
      }
      return compareVersions(version, control) < 0
        ? fail(
            `Agent pool ${subject.name} of cluster ${ref.name} runs ${version}, behind the control plane's ${control}.`,
            evidence,
            subject,
          )
        : pass(
            `Agent pool ${subject.name} of cluster ${ref.name} runs ${version}, as the control plane (${control}).`,
            evidence,
            subject,
          );
    });
  },
};
