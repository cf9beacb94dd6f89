import type { PlannedCall } from '../../core/call-plan';

/**
 * Every Azure Resource Manager call the AKS collector makes (collector.ts), how often, and why
 * not less often. A target is one subscription; objects shared by clusters (role definitions,
 * registries, NSGs, the location's versions, the Defender plan) are fetched once per
 * environment (the process's, or the Lambda execution environment's cache; see docs/api-calls.md).
 */
export const AZURE_CALL_PLAN: readonly PlannedCall[] = [
  {
    operation: 'containerservice:ManagedClusters.List',
    per: 'target',
    count:
      '1 per subscription (+pages), in discover (its objects are handed to the audit of each part); again in the audit only when discover could not list the subscription',
    why: 'Every managed cluster of the subscription as a full object, agent pools included: no Get per cluster.',
  },
  {
    operation: 'authorization:RoleAssignments.List',
    per: 'target',
    count:
      '1 per subscription with several clusters (+pages); else 1 per cluster with a kubelet identity',
    why: 'Without a filter it returns every assignment at, above or below the subscription, a superset of each cluster’s atScope() list and of its kubelet identity’s principalId list: both are picked out of it (scope an ancestor of the cluster id, or a management group or the root; principalId equal). A subscription of one cluster makes the cluster’s two filtered calls instead, as does every cluster when this listing fails.',
  },
  {
    operation: 'authorization:RoleAssignments.ListForScope',
    per: 'cluster',
    count:
      '1 per cluster only in a subscription of one cluster, or when the subscription’s listing failed (+pages)',
    why: '`$filter=atScope()` at the cluster: the assignments at or above it.',
  },
  {
    operation: 'authorization:RoleDefinitions.Get',
    per: 'run',
    count: '1 per role definition the assignments reference, per environment',
    why: 'Takes one definition; shared by every assignment and cluster that references it.',
  },
  {
    operation: 'containerservice:ManagedClusters.ListKubernetesVersions',
    per: 'target',
    count: '1 per location with clusters, per subscription per environment',
    why: 'The versions of one location; shared by the clusters there.',
  },
  {
    operation: 'containerservice:MaintenanceConfigurations.ListByManagedCluster',
    per: 'cluster',
    count: '1 per cluster (+pages)',
    why: 'Maintenance configurations are child resources of one managed cluster; ARM has no listing across clusters.',
  },
  {
    operation: 'insights:DiagnosticSettings.List',
    per: 'cluster',
    count: '1 per cluster',
    why: 'Diagnostic settings are an extension resource of one resource, listed at its id only; there is no subscription-wide listing.',
  },
  {
    operation: 'security:Pricings.Get',
    per: 'target',
    count: '1 per subscription per environment',
    why: 'The Defender for Containers plan is the subscription’s.',
  },
  {
    operation: 'network:Subnets.Get',
    per: 'item',
    count: '1 per custom VNet subnet of the agent pools',
    why: 'Takes one subnet: the NSG attached to it.',
  },
  {
    operation: 'network:NetworkSecurityGroups.Get',
    per: 'item',
    count: '1 per NSG attached to those subnets, per environment',
    why: 'Takes one NSG; shared by the clusters on the same subnets.',
  },
  {
    operation: 'network:NetworkSecurityGroups.List',
    per: 'cluster',
    count: '1 per cluster: its node resource group (+pages)',
    why: 'Each cluster has a node resource group of its own, usually holding one NSG. The subscription-wide listing would return every NSG of the subscription with all its rules, workloads’ included, at a page size the API does not state: not fewer calls where the subscription holds more than the clusters.',
  },
  {
    operation: 'containerregistry:Registries.Get',
    per: 'run',
    count: '1 per registry the kubelet identities hold a role on, per environment',
    why: 'Takes one registry; shared by the clusters that pull from it.',
  },
];
