import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.resourceLabels';

export const gkeLabels: GkeCheck = {
  meta: {
    id: 'gke-labels',
    provider: 'gke',
    title: 'GKE cluster carries the required resource labels',
    severity: 'low',
    family: 'resource-labels',
    categories: ['lifecycle'],
    risk: 'Unlabelled clusters cannot be attributed to an owner, environment or data classification, so findings and costs reach no one.',
    remediation: {
      summary: "Add the organisation's required labels (owner, environment, ...) to the cluster.",
      cli: 'gcloud container clusters update <cluster> --location <location> --update-labels owner=<team>,env=<env>',
      iac: 'Terraform google_container_cluster: resource_labels = { owner = "...", env = "..." }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/creating-managing-labels',
    },
    frameworks: {},
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }, { config }) {
    const labels = cluster.resourceLabels ?? {};
    const evidence = [ev(PATH, cluster.resourceLabels)];
    const required = config.gke.requiredLabels;
    // Proto3 JSON omits an empty map: no resourceLabels means no labels.
    if (required.length === 0) {
      return Object.keys(labels).length > 0
        ? pass(`Cluster ${ref.name} has ${Object.keys(labels).length} resource label(s).`, evidence)
        : fail(`Cluster ${ref.name} has no resource labels.`, evidence);
    }
    const missing = required.filter((k) => !labels[k]);
    return missing.length === 0
      ? pass(`Cluster ${ref.name} has every required label (${required.join(', ')}).`, evidence)
      : fail(`Cluster ${ref.name} lacks required label(s): ${missing.join(', ')}.`, evidence);
  },
};
