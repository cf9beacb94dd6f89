import type { GkeCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';
import { isAutopilot } from './shared/cluster';
import { poolTargets } from './shared/node-targets';

export const gkeSandbox: GkeCheck = {
  meta: {
    id: 'gke-sandbox',
    provider: 'gke',
    title: 'GKE cluster has a GKE Sandbox (gVisor) node pool for untrusted workloads',
    severity: 'informational',
    family: 'workload-sandbox',
    categories: ['control-plane'],
    risk: 'Untrusted or multi-tenant workloads that share a kernel with other Pods can escape to the node through a single kernel bug; gVisor adds a second boundary.',
    remediation: {
      summary:
        'Run untrusted workloads on a node pool with GKE Sandbox and select it with runtimeClassName: gvisor.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --sandbox type=gvisor',
      iac: 'Terraform google_container_node_pool: node_config { sandbox_config { sandbox_type = "gvisor" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/sandbox-pods',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.10.3'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const { cluster, ref } = snapshot;
    // Autopilot runs gVisor per Pod (runtimeClassName) without a dedicated pool.
    if (isAutopilot(cluster)) {
      return notApplicable(
        `Cluster ${ref.name} is an Autopilot cluster: GKE Sandbox is chosen per Pod, not per node pool.`,
        [ev('cluster.autopilot.enabled', true)],
      );
    }
    const pools = poolTargets(snapshot);
    const evidence = pools.map((t) =>
      ev(`${t.path}.config.sandboxConfig.type`, t.pool.config?.sandboxConfig?.type),
    );
    const sandboxed = pools.filter((t) => t.pool.config?.sandboxConfig?.type === 'GVISOR');
    // Which workloads are untrusted is not visible through the API: this is informational.
    return sandboxed.length > 0
      ? pass(
          `Cluster ${ref.name} has GKE Sandbox node pool(s): ${sandboxed.map((t) => t.subject.name).join(', ')}.`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} has no GKE Sandbox (gVisor) node pool for untrusted workloads.`,
          evidence,
        );
  },
};
