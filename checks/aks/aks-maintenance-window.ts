import type { AksCheck } from '../../core/check';
import { ev, fail, pass, readPart } from '../../core/outcome';

const PATH = 'parts.maintenanceConfigurations';

export const aksMaintenanceWindow: AksCheck = {
  meta: {
    id: 'aks-maintenance-window',
    provider: 'aks',
    title: 'AKS cluster has a planned maintenance window',
    severity: 'low',
    family: 'maintenance-window',
    categories: ['lifecycle'],
    risk: 'Without a planned maintenance window, auto-upgrades and node image updates run at any time, which pushes teams to turn them off.',
    remediation: {
      summary:
        'Add maintenance configurations for auto-upgrades (aksManagedAutoUpgradeSchedule) and node OS updates (aksManagedNodeOSUpgradeSchedule).',
      cli: 'az aks maintenanceconfiguration add --resource-group <rg> --cluster-name <cluster> --name aksManagedAutoUpgradeSchedule --schedule-type Weekly --day-of-week Sunday --interval-weeks 1 --start-time 02:00 --duration 4',
      iac: "Bicep: resource Microsoft.ContainerService/managedClusters/maintenanceConfigurations 'aksManagedAutoUpgradeSchedule'; Terraform azurerm_kubernetes_cluster: maintenance_window_auto_upgrade { ... }",
      url: 'https://learn.microsoft.com/azure/aks/planned-maintenance',
    },
    frameworks: {},
    reads: ['containerservice:MaintenanceConfigurations.ListByManagedCluster'],
  },
  evaluate({ parts, ref }) {
    const read = readPart(
      parts.maintenanceConfigurations,
      `Maintenance configurations of cluster ${ref.name}`,
      PATH,
    );
    if (!read.ok) return read.outcome;
    const names = read.value.map((c) => c.name ?? '(unnamed)');
    const evidence = [ev(`${PATH}[].name`, names)];
    return names.length > 0
      ? pass(`Cluster ${ref.name} has maintenance configuration(s): ${names.join(', ')}.`, evidence)
      : fail(`Cluster ${ref.name} has no planned maintenance configuration.`, evidence);
  },
};
