import type { GkeCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';
import { isAutopilot } from './shared/cluster';
import { evaluateNodes } from './shared/node-targets';

export const gkeWorkloadIdentity: GkeCheck = {
  meta: {
    id: 'gke-workload-identity',
    provider: 'gke',
    title: 'GKE cluster uses Workload Identity Federation on every node pool',
    severity: 'high',
    family: 'workload-identity',
    categories: ['iam'],
    risk: "Without Workload Identity (GKE metadata server), every Pod can read the node's service account token and node metadata such as kubelet bootstrap credentials.",
    remediation: {
      summary:
        'Enable Workload Identity on the cluster and set every node pool to the GKE metadata server.',
      cli: 'gcloud container clusters update <cluster> --location <location> --workload-pool <project>.svc.id.goog; gcloud container node-pools update <pool> --cluster <cluster> --workload-metadata GKE_METADATA',
      iac: 'Terraform google_container_cluster: workload_identity_config { workload_pool = "<project>.svc.id.goog" }; google_container_node_pool: node_config { workload_metadata_config { mode = "GKE_METADATA" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/workload-identity',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.2.2', '5.4.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    const { cluster, ref } = snapshot;
    if (isAutopilot(cluster)) {
      return notApplicable(
        `Cluster ${ref.name} is an Autopilot cluster: Workload Identity is always on and Google manages the node metadata server.`,
        [ev('cluster.autopilot.enabled', true)],
      );
    }
    const pool = cluster.workloadIdentityConfig?.workloadPool;
    if (!pool) {
      return fail(
        `Cluster ${ref.name} does not have Workload Identity enabled (workloadIdentityConfig.workloadPool is not set).`,
        [ev('cluster.workloadIdentityConfig.workloadPool', pool)],
      );
    }
    return evaluateNodes(snapshot, {
      setting: 'the node metadata server',
      googleManagedOnAutopilot: true,
      pool(t, c) {
        const mode = c.workloadMetadataConfig?.mode;
        const evidence = [
          ev('cluster.workloadIdentityConfig.workloadPool', pool),
          ev(`${t.path}.config.workloadMetadataConfig.mode`, mode),
        ];
        // Absent mode is MODE_UNSPECIFIED: the pool does not run the GKE metadata server.
        return mode === 'GKE_METADATA'
          ? pass(
              `${t.label} uses the GKE metadata server (Workload Identity pool ${pool}).`,
              evidence,
              t.subject,
            )
          : fail(
              `${t.label} does not use the GKE metadata server (mode=${mode ?? 'unset'}), so Pods can read the node's credentials.`,
              evidence,
              t.subject,
            );
      },
    });
  },
};
