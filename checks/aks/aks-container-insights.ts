import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { addonConfig, addonPath, findAddon } from './support/addons';

export const aksContainerInsights: AksCheck = {
  meta: {
    id: 'aks-container-insights',
    provider: 'aks',
    title: 'AKS Container Insights (omsagent) sends container logs to Log Analytics',
    severity: 'medium',
    family: 'monitoring',
    categories: ['logging'],
    risk: 'Without Container Insights, container stdout/stderr, node and pod events are not kept outside the cluster: an incident leaves no trail once pods are gone.',
    remediation: {
      summary: 'Enable the monitoring add-on with a Log Analytics workspace.',
      cli: 'az aks enable-addons --resource-group <rg> --name <cluster> --addons monitoring --workspace-resource-id <workspace-id>',
      iac: "Bicep: properties.addonProfiles.omsagent: { enabled: true, config: { logAnalyticsWorkspaceResourceID: '<workspace-id>' } }; Terraform azurerm_kubernetes_cluster: oms_agent { log_analytics_workspace_id = ... }",
      url: 'https://learn.microsoft.com/azure/azure-monitor/containers/kubernetes-monitoring-enable',
    },
    frameworks: { 'cis-aks-1.8.0': ['2.1.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    // The key is `omsagent` or `omsAgent` depending on the client that created the cluster.
    const addon = findAddon(cluster, 'omsagent');
    if (addon?.profile.enabled !== true) {
      return fail(`Cluster ${ref.name} has Container Insights (omsagent) off.`, [
        ev(addonPath(addon?.key ?? 'omsagent', 'enabled'), addon?.profile.enabled),
      ]);
    }
    const workspace = addonConfig(addon.profile, 'logAnalyticsWorkspaceResourceID');
    const evidence = [
      ev(addonPath(addon.key, 'enabled'), true),
      ev(addonPath(addon.key, 'config.logAnalyticsWorkspaceResourceID'), workspace),
    ];
    return workspace
      ? pass(
          `Cluster ${ref.name} sends Container Insights data to workspace ${workspace}.`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} has the omsagent add-on enabled without a Log Analytics workspace.`,
          evidence,
        );
  },
};
