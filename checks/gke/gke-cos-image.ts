import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { evaluateNodes } from './shared/node-targets';

const isCos = (t: string) => t.toUpperCase().startsWith('COS');

export const gkeCosImage: GkeCheck = {
  meta: {
    id: 'gke-cos-image',
    provider: 'gke',
    title: 'GKE nodes run Container-Optimized OS',
    severity: 'medium',
    family: 'node-os-image',
    categories: ['control-plane'],
    risk: 'General-purpose node images have a larger attack surface (package managers, writable root) than Container-Optimized OS, which is locked down and patched by Google.',
    remediation: {
      summary: 'Use the COS_CONTAINERD image type for node pools and node auto-provisioning.',
      cli: 'gcloud container clusters upgrade <cluster> --location <location> --node-pool <pool> --image-type COS_CONTAINERD',
      iac: 'Terraform google_container_node_pool: node_config { image_type = "COS_CONTAINERD" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/node-images',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate(snapshot) {
    return evaluateNodes(snapshot, {
      setting: 'the node image',
      googleManagedOnAutopilot: true,
      pool(t, c) {
        const evidence = [ev(`${t.path}.config.imageType`, c.imageType)];
        // GKE resolves and returns the image type of every pool; absence means an incomplete input.
        if (!c.imageType)
          return unknown(`${t.label}: the input has no imageType.`, evidence, t.subject);
        return isCos(c.imageType)
          ? pass(`${t.label} runs ${c.imageType}.`, evidence, t.subject)
          : fail(
              `${t.label} runs ${c.imageType}, not Container-Optimized OS.`,
              evidence,
              t.subject,
            );
      },
      nap(t) {
        const image = t.defaults.imageType;
        const evidence = [ev(`${t.path}.imageType`, image)];
        // Unset: auto-provisioned pools get the default image, COS_CONTAINERD.
        return !image || isCos(image)
          ? pass(
              `${t.label} use ${image ?? 'the default image (COS_CONTAINERD)'}.`,
              evidence,
              t.subject,
            )
          : fail(`${t.label} use ${image}, not Container-Optimized OS.`, evidence, t.subject);
      },
    });
  },
};
