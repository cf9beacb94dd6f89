import * as z from 'zod';
import { AKS_VERSION_CALENDAR } from './calendars/aks-versions';
import { VersionCalendar } from './version-calendar';

/** Settings of the AKS checks. */
export const AksConfig = z.strictObject({
  /**
   * An authorized IP range whose prefix is shorter than this many bits counts as open to the
   * internet (`0.0.0.0/0`, `0.0.0.0/1`, `10.0.0.0/4`...). Default /8, as for EKS.
   */
  openCidrMinPrefix: z.number().int().min(1).max(32).default(8),
  /**
   * Used when the live Kubernetes versions list is not in the snapshot (offline input).
   * `endOfExtendedSupport` is the end of AKS long-term support (support plan `AKSLongTermSupport`).
   */
  versionCalendar: VersionCalendar.default(AKS_VERSION_CALENDAR),
  /** Tag keys every cluster must carry (compared case-insensitively, as ARM does); none by default. */
  requiredTags: z.array(z.string().min(1)).default([]),
});
export type AksConfig = z.infer<typeof AksConfig>;
