import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { evaluateNodes } from './shared/node-targets';

export const gkeLegacyMetadataEndpoints: GkeCheck = {
  meta: {
    id: 'gke-legacy-metadata-endpoints',
    provider: 'gke',
    title: 'GKE nodes have the legacy metadata endpoints disabled',
    severity: 'medium',
    family: 'instance-metadata-protection',
    categories: ['iam'],
    risk: 'The legacy v0.1/v1beta1 metadata endpoints do not require the Metadata-Flavor header, so SSRF in any Pod can read node credentials.',
    remediation: {
      summary:
        'Recreate node pools with the metadata key disable-legacy-endpoints=true (the default since GKE 1.12) or use the GKE metadata server.',
      cli: 'gcloud container node-pools create <pool> --cluster <cluster> --metadata disable-legacy-endpoints=true',
      iac: 'Terraform google_container_node_pool: node_config { metadata = { disable-legacy-endpoints = "true" } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/protecting-cluster-metadata',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    return evaluateNodes(snapshot, {
      setting: 'node metadata endpoints',
      googleManagedOnAutopilot: true,
      pool(t, c) {
        const value = c.metadata?.['disable-legacy-endpoints'];
        const mode = c.workloadMetadataConfig?.mode;
        const evidence = [
          ev(`${t.path}.config.metadata.disable-legacy-endpoints`, value),
          ev(`${t.path}.config.workloadMetadataConfig.mode`, mode),
        ];
        if (value === 'true')
          return pass(
            `${t.label} has the legacy metadata endpoints disabled.`,
            evidence,
            t.subject,
          );
        // The GKE metadata server does not serve the legacy endpoints to Pods.
        if (mode === 'GKE_METADATA') {
          return pass(
            `${t.label} runs the GKE metadata server, which does not expose the legacy endpoints to Pods.`,
            evidence,
            t.subject,
          );
        }
        return fail(
          `${t.label} does not disable the legacy metadata endpoints (disable-legacy-endpoints=${value ?? 'unset'}).`,
          evidence,
          t.subject,
        );
      },
    });
  },
};
