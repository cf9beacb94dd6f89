import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.azureMonitorProfile.metrics.enabled';

export const aksManagedPrometheus: AksCheck = {
  meta: {
    id: 'aks-managed-prometheus',
    provider: 'aks',
    title: 'AKS Azure Monitor managed Prometheus metrics are on',
    severity: 'low',
    family: 'monitoring',
    categories: ['logging'],
    risk: 'Without cluster metrics kept outside the cluster, resource exhaustion, crypto-mining and denial-of-service patterns go unnoticed.',
    remediation: {
      summary: 'Enable Azure Monitor managed Prometheus for the cluster.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-azure-monitor-metrics',
      iac: 'Bicep: properties.azureMonitorProfile.metrics.enabled: true; Terraform azurerm_kubernetes_cluster: monitor_metrics {}',
      url: 'https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.azureMonitorProfile?.metrics?.enabled;
    const evidence = [ev(PATH, value)];
    // Optional profile; unset means off.
    return value === true
      ? pass(`Cluster ${ref.name} has managed Prometheus metrics on.`, evidence)
      : fail(`Cluster ${ref.name} has managed Prometheus metrics off.`, evidence);
  },
};
