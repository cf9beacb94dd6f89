import * as z from 'zod';
import { EKS_VERSION_CALENDAR } from './calendars/eks-versions';
import { VersionCalendar } from './version-calendar';

export const EKS_LOG_TYPES = [
  'api',
  'audit',
  'authenticator',
  'controllerManager',
  'scheduler',
] as const;
export const EksLogType = z.enum(EKS_LOG_TYPES);

export const EksConfig = z.strictObject({
  /** Control-plane log types that must all be enabled (CIS EKS 2.1.1 remediation enables all five). */
  requiredLogTypes: z
    .array(EksLogType)
    .min(1)
    .default([...EKS_LOG_TYPES]),
  /**
   * A public-endpoint CIDR whose prefix is shorter than this many bits counts as open to the
   * internet (`0.0.0.0/0`, `0.0.0.0/1`, `10.0.0.0/4`...). Default /8.
   */
  openCidrMinPrefix: z.number().int().min(1).max(32).default(8),
  /**
   * Tag keys every cluster must carry (eks-cluster-tagged); with none, any user tag passes.
   * Keys are compared exactly, as AWS tag keys are case-sensitive.
   */
  requiredTagKeys: z.array(z.string().min(1)).default([]),
  /**
   * How many minor versions a managed node group may lag behind the control plane
   * (eks-nodegroup-version-skew). Default 0: node groups follow every control-plane upgrade.
   */
  nodegroupMaxMinorSkew: z.number().int().min(0).max(3).default(0),
  /**
   * Most access entries that may hold cluster-wide admin access policies (AmazonEKSClusterAdminPolicy,
   * AmazonEKSAdminPolicy) before eks-access-entry-cluster-admin fails (CIS EKS 4.1.1: only where required).
   */
  maxClusterAdminEntries: z.number().int().min(0).default(3),
  /**
   * Shortest retention, in days, of the `/aws/eks/<cluster>/cluster` log group
   * (eks-log-group-retention); a group that never expires passes. Default one year.
   */
  logRetentionMinDays: z.number().int().min(1).default(365),
  /** Used when live DescribeClusterVersions data is not in the snapshot (offline input). */
  versionCalendar: VersionCalendar.default(EKS_VERSION_CALENDAR),
});
export type EksConfig = z.infer<typeof EksConfig>;
