/**
 * Every AWS API action the AWS side of mk8s-audit calls, grouped by what calls it. This is the
 * single list the IAM policies are built from: the member-account role `mk8s-audit-read` and
 * the auditor's own audit-target role (for targets in its own account). When a collector starts
 * calling a new operation, add it here, in the group of the snapshot part that needs it; the
 * infra tests fail when a check `reads` an action that is missing here.
 *
 * Only read-only actions (`Describe*`, `List*`, `Get*`) belong in `AWS_COLLECTOR_ACTIONS`.
 */
export const AWS_COLLECTOR_ACTIONS = {
  /** Listing the clusters of a region and the cluster object itself. */
  clusters: ['eks:ListClusters', 'eks:DescribeCluster'],
  /** `parts.nodegroups`: ListNodegroups + DescribeNodegroup per managed node group. */
  nodegroups: ['eks:ListNodegroups', 'eks:DescribeNodegroup'],
  /** `parts.clusterVersions`: live version support data of the region. */
  clusterVersions: ['eks:DescribeClusterVersions'],
} as const satisfies Record<string, readonly `${string}:${string}`[]>;

/**
 * Actions of target discovery (`pipeline/discover.ts`), called with the auditor's own
 * credentials: the accounts of the AWS Organization (the auditor account must be the
 * management account or a delegated administrator) and the regions enabled in the account.
 */
export const AWS_DISCOVERY_ACTIONS = [
  'organizations:ListAccounts',
  'account:ListRegions',
] as const satisfies readonly `${string}:${string}`[];

/** Every collector action, sorted and without duplicates, for a policy statement. */
export function awsCollectorActions(): string[] {
  return [...new Set(Object.values(AWS_COLLECTOR_ACTIONS).flat())].sort();
}
