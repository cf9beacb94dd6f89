import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const ENABLED = 'cluster.securityProfile.defender.securityMonitoring.enabled';
const WORKSPACE = 'cluster.securityProfile.defender.logAnalyticsWorkspaceResourceId';

export const aksDefenderProfile: AksCheck = {
  meta: {
    id: 'aks-defender-profile',
    provider: 'aks',
    title: 'AKS Defender sensor (security profile) is deployed',
    severity: 'high',
    family: 'runtime-threat-detection',
    categories: ['logging'],
    risk: 'Without the Defender sensor, runtime threats on nodes and in containers (crypto-miners, reverse shells, privilege escalation) are not detected.',
    remediation: {
      summary:
        'Enable the Defender security profile on the cluster (and the Defender for Containers plan on the subscription).',
      cli: 'az aks update --resource-group <rg> --name <cluster> --enable-defender',
      iac: "Bicep: properties.securityProfile.defender: { securityMonitoring: { enabled: true }, logAnalyticsWorkspaceResourceId: '<workspace-id>' }; Terraform azurerm_kubernetes_cluster: microsoft_defender { log_analytics_workspace_id = ... }",
      url: 'https://learn.microsoft.com/azure/defender-for-cloud/defender-for-containers-enable',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.1.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const defender = cluster.securityProfile?.defender;
    const enabled = defender?.securityMonitoring?.enabled;
    const evidence = [
      ev(ENABLED, enabled),
      ev(WORKSPACE, defender?.logAnalyticsWorkspaceResourceId),
    ];
    // Optional profile; unset means the sensor is not deployed.
    return enabled === true
      ? pass(`Cluster ${ref.name} runs the Defender sensor.`, evidence)
      : fail(`Cluster ${ref.name} does not run the Defender sensor.`, evidence);
  },
};
