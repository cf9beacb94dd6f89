import { EKS_PART_OPERATIONS } from './eks-parts';

type Action = `${string}:${string}`;

/**
 * Every AWS API action the AWS side of mk8s-audit calls, grouped by what calls it. This is the
 * single list the IAM policies are built from: the member-account role `mk8s-audit-read`
 * (Mk8sAuditMemberRoleStack) and the auditor's own roles (Mk8sAuditStack). The snapshot parts
 * come from `EKS_PART_OPERATIONS`, so a part the collector starts filling is granted with it.
 * `sts:GetCallerIdentity` needs no permission and is not listed.
 *
 * Only read-only actions (`Describe*`, `List*`, `Get*`) belong here; the infra tests check it,
 * and the handler tests check that every call the collectors make is listed.
 */
export const AWS_COLLECTOR_ACTIONS: Readonly<Record<string, readonly string[]>> = {
  /** Listing the clusters of a region and the cluster object itself. */
  clusters: ['eks:ListClusters', 'eks:DescribeCluster'],
  ...EKS_PART_OPERATIONS,
};

/**
 * Target discovery (`providers/aws/discovery.ts`) with the auditor's own credentials: the
 * accounts of the AWS Organization (the auditor account must be the management account or a
 * delegated administrator) and the regions enabled in the auditor account.
 */
export const AWS_AUDITOR_DISCOVERY_ACTIONS = [
  'organizations:ListAccounts',
  // OU include/exclude: the tree below the chosen OUs (or the root).
  'organizations:ListRoots',
  'organizations:ListChildren',
  'organizations:ListAccountsForParent',
  'account:ListRegions',
  // The clusters of the auditor account's own regions (others: through the member role).
  'eks:ListClusters',
] as const satisfies readonly Action[];

/** Target discovery through the member role: the regions enabled in a member account. */
export const AWS_MEMBER_DISCOVERY_ACTIONS = [
  'account:ListRegions',
] as const satisfies readonly Action[];

const sorted = (actions: Iterable<string>): string[] => [...new Set(actions)].sort();

/** Every collector action, sorted and without duplicates, for a policy statement. */
export function awsCollectorActions(): string[] {
  return sorted(Object.values(AWS_COLLECTOR_ACTIONS).flat());
}

/** What the member-account role allows: the collectors' actions and member-side discovery. */
export function memberRoleActions(): string[] {
  return sorted([...awsCollectorActions(), ...AWS_MEMBER_DISCOVERY_ACTIONS]);
}
