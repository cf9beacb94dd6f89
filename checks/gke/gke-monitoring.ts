import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

export const gkeMonitoring: GkeCheck = {
  meta: {
    id: 'gke-monitoring',
    provider: 'gke',
    title: 'GKE cluster sends system metrics to Cloud Monitoring',
    severity: 'medium',
    family: 'monitoring',
    categories: ['logging'],
    risk: 'Without Cloud Monitoring of system components, resource abuse (crypto-mining, denial of service) and failing nodes go unnoticed.',
    remediation: {
      summary: 'Enable Cloud Monitoring for system components.',
      cli: 'gcloud container clusters update <cluster> --location <location> --monitoring=SYSTEM',
      iac: 'Terraform google_container_cluster: monitoring_config { enable_components = ["SYSTEM_COMPONENTS"] }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/configure-metrics',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.7.1'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const service = cluster.monitoringService;
    const components = cluster.monitoringConfig?.componentConfig?.enableComponents;
    const evidence = [
      ev('cluster.monitoringService', service),
      ev('cluster.monitoringConfig.componentConfig.enableComponents', components),
    ];
    if (service === 'none')
      return fail(
        `Cluster ${ref.name} has Cloud Monitoring disabled (monitoringService=none).`,
        evidence,
      );
    if (service === 'monitoring.googleapis.com') {
      return fail(
        `Cluster ${ref.name} uses legacy Monitoring (monitoring.googleapis.com), which GKE no longer supports.`,
        evidence,
      );
    }
    if (cluster.monitoringConfig) {
      // Proto3 JSON omits an empty list: no components means system metrics are not collected.
      return (components ?? []).includes('SYSTEM_COMPONENTS')
        ? pass(`Cluster ${ref.name} sends system metrics to Cloud Monitoring.`, evidence)
        : fail(`Cluster ${ref.name} does not send system metrics to Cloud Monitoring.`, evidence);
    }
    if (service === 'monitoring.googleapis.com/kubernetes') {
      return pass(
        `Cluster ${ref.name} uses Cloud Monitoring for GKE (monitoring.googleapis.com/kubernetes).`,
        evidence,
      );
    }
    // The API always returns monitoringService; without it and monitoringConfig the input is incomplete.
    return unknown(
      `Cluster ${ref.name}: the input has neither monitoringService nor monitoringConfig.`,
      evidence,
    );
  },
};
