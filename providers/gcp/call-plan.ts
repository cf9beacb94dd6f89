import type { PlannedCall } from '../../core/call-plan';

/**
 * Every Google Cloud call the GKE collector makes (collector.ts), how often, and why not less
 * often. A target is one project (or a part of one); objects of a project, location or network
 * are fetched once per environment (the process's, or the Lambda execution environment's cache;
 * see docs/api-calls.md) and shared by its clusters and the project's other targets.
 */
export const GCP_CALL_PLAN: readonly PlannedCall[] = [
  {
    operation: 'container:projects.locations.clusters.list',
    per: 'target',
    count:
      '1 per project, in discover (its Cluster objects are handed to the audit of each part); again in the audit only when discover could not list the project or missed zones',
    why: 'Location `-` lists the clusters of every zone and region at once, unpaged, as full Cluster objects (node pools included): no clusters.get per cluster.',
    serves: ['container:projects.locations.clusters.get'],
  },
  {
    operation: 'container:projects.locations.clusters.fetchClusterUpgradeInfo',
    per: 'cluster',
    count: '1 per cluster',
    why: 'Takes one cluster name; there is no project-wide form.',
  },
  {
    operation: 'container:projects.locations.getServerConfig',
    per: 'target',
    count: '1 per location with clusters, per project per environment',
    why: 'The versions served in one location; shared by the clusters there.',
  },
  {
    operation: 'cloudresourcemanager:projects.get',
    per: 'target',
    count: '1 per project per environment',
    why: 'The project itself; shared by its clusters.',
  },
  {
    operation: 'cloudresourcemanager:projects.getIamPolicy',
    per: 'target',
    count: '1 per project per environment',
    why: 'The project’s IAM policy (node service accounts’ roles); shared by its clusters.',
  },
  {
    operation: 'serviceusage:services.get',
    per: 'target',
    count: '1 per image-scanning service (1), per project per environment',
    why: 'Takes one service name.',
  },
  {
    operation: 'compute:firewalls.list',
    per: 'target',
    count: '1 per network project per environment (+pages)',
    why: 'Every firewall rule of the (host) project, shared by the clusters on its networks.',
  },
  {
    operation: 'compute:subnetworks.get',
    per: 'item',
    count: '1 per subnetwork the clusters use, per environment',
    why: 'Takes one subnetwork; shared by the clusters in it.',
  },
  {
    operation: 'compute:disks.aggregatedList',
    per: 'target',
    count: '1 per project per environment (+pages)',
    why: 'Every PersistentVolume disk of the project in one filtered listing, split per cluster by its labels.',
  },
];
