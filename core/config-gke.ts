import * as z from 'zod';
import { GKE_VERSION_CALENDAR } from './calendars/gke-versions';
import { VersionCalendar } from './version-calendar';

/** `LoggingComponentConfig.enableComponents` values (container v1). */
export const GKE_LOGGING_COMPONENTS = [
  'SYSTEM_COMPONENTS',
  'WORKLOADS',
  'APISERVER',
  'SCHEDULER',
  'CONTROLLER_MANAGER',
  'KCP_SSHD',
  'KCP_CONNECTION',
  'KCP_HPA',
] as const;

export const GkeConfig = z.strictObject({
  /**
   * An authorized-network or firewall source CIDR whose prefix is shorter than this many bits
   * counts as open to the internet (`0.0.0.0/0`, `0.0.0.0/1`, `10.0.0.0/4`...). Default /8.
   */
  openCidrMinPrefix: z.number().int().min(1).max(32).default(8),
  /** Node pools more than this many minor versions behind the control plane fail. */
  maxNodeVersionSkew: z.number().int().min(0).max(3).default(2),
  /** Logging components that must be collected (CIS GKE 5.7.1 wants system components). */
  requiredLoggingComponents: z
    .array(z.enum(GKE_LOGGING_COMPONENTS))
    .min(1)
    .default(['SYSTEM_COMPONENTS', 'WORKLOADS']),
  /** Label keys every cluster must carry; empty means at least one label of any key. */
  requiredLabels: z.array(z.string().min(1)).default([]),
  /**
   * Email domains of the organisation (`example.com`). When set, a cluster-admin-level grant to a
   * user, group or domain outside them fails. Empty: only public principals fail.
   */
  trustedDomains: z.array(z.string().min(1)).default([]),
  /** More principals than this holding cluster-admin-level project roles fails. */
  maxClusterAdminPrincipals: z.number().int().min(1).default(10),
  /** Used when live end-of-support data is not in the snapshot (offline input). */
  versionCalendar: VersionCalendar.default(GKE_VERSION_CALENDAR),
});
export type GkeConfig = z.infer<typeof GkeConfig>;
