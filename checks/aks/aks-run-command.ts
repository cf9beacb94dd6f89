import type { AksCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.apiServerAccessProfile.disableRunCommand';

export const aksRunCommand: AksCheck = {
  meta: {
    id: 'aks-run-command',
    provider: 'aks',
    title: 'AKS run command (command invoke) is disabled',
    severity: 'medium',
    family: 'run-command',
    categories: ['iam', 'control-plane'],
    risk: 'Run command lets anyone with the ARM runCommand permission execute kubectl in the cluster through Azure, reaching even a private API server from the internet.',
    remediation: {
      summary:
        'Disable run command; operate private clusters from a jump host or pipeline in the VNet.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --disable-run-command',
      iac: 'Bicep: properties.apiServerAccessProfile.disableRunCommand: true; Terraform azurerm_kubernetes_cluster: run_command_enabled = false',
      url: 'https://learn.microsoft.com/azure/aks/access-private-cluster',
    },
    frameworks: {},
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.apiServerAccessProfile?.disableRunCommand;
    const evidence = [ev(PATH, value)];
    // Optional in ARM; unset means run command is available (the default).
    return value === true
      ? pass(`Cluster ${ref.name} has run command disabled.`, evidence)
      : fail(
          `Cluster ${ref.name} allows run command (disableRunCommand=${value ?? 'unset'}).`,
          evidence,
        );
  },
};
