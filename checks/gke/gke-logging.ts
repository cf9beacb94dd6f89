import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

export const gkeLogging: GkeCheck = {
  meta: {
    id: 'gke-logging',
    provider: 'gke',
    title: 'GKE cluster sends system and workload logs to Cloud Logging',
    severity: 'high',
    family: 'control-plane-logging',
    categories: ['logging'],
    risk: 'Without Cloud Logging of system components and workloads there is no record to detect or investigate an attack on the cluster.',
    remediation: {
      summary:
        'Enable Cloud Logging for system components and workloads (add APISERVER, SCHEDULER and CONTROLLER_MANAGER for control-plane logs).',
      cli: 'gcloud container clusters update <cluster> --location <location> --logging=SYSTEM,WORKLOAD',
      iac: 'Terraform google_container_cluster: logging_config { enable_components = ["SYSTEM_COMPONENTS", "WORKLOADS"] }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/config-logging',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.7.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }, { config }) {
    const service = cluster.loggingService;
    const components = cluster.loggingConfig?.componentConfig?.enableComponents;
    const evidence = [
      ev('cluster.loggingService', service),
      ev('cluster.loggingConfig.componentConfig.enableComponents', components),
    ];
    if (service === 'none')
      return fail(
        `Cluster ${ref.name} has Cloud Logging disabled (loggingService=none).`,
        evidence,
      );
    if (service === 'logging.googleapis.com') {
      return fail(
        `Cluster ${ref.name} uses legacy Logging (logging.googleapis.com), which GKE no longer supports.`,
        evidence,
      );
    }
    const required = config.gke.requiredLoggingComponents;
    if (cluster.loggingConfig) {
      // Proto3 JSON omits an empty list: a loggingConfig without components collects nothing.
      const on = new Set(components ?? []);
      const missing = required.filter((c) => !on.has(c));
      return missing.length === 0
        ? pass(`Cluster ${ref.name} sends ${[...on].join(', ')} logs to Cloud Logging.`, evidence)
        : fail(`Cluster ${ref.name} does not collect ${missing.join(', ')} logs.`, evidence);
    }
    // Responses before loggingConfig existed: the Kubernetes Logging service collects system and workload logs.
    if (service === 'logging.googleapis.com/kubernetes') {
      return pass(
        `Cluster ${ref.name} uses Cloud Logging for GKE (logging.googleapis.com/kubernetes).`,
        evidence,
      );
    }
    // The API always returns loggingService; without it and loggingConfig the input is incomplete.
    return unknown(
      `Cluster ${ref.name}: the input has neither loggingService nor loggingConfig.`,
      evidence,
    );
  },
};
