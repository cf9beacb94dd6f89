import type { VersionCalendar } from '../version-calendar';

/**
 * GKE Kubernetes minor-version support dates, for offline input where the cluster's
 * `fetchClusterUpgradeInfo` and the location's server config cannot be read. Live collection
 * always prefers the API's own end-of-support timestamps. GKE gives about 14 months of standard
 * support after Regular-channel availability and about 10 more on the Extended channel.
 * Source: GKE release schedule ("End of standard support", "End of extended support" columns).
 * Override with `gke.versionCalendar` in the configuration when the schedule moves.
 */
export const GKE_VERSION_CALENDAR: VersionCalendar = {
  asOf: '2026-01-15',
  source: 'https://cloud.google.com/kubernetes-engine/docs/release-schedule',
  versions: [
    { version: '1.27', endOfStandardSupport: '2024-07-31', endOfExtendedSupport: '2025-06-30' },
    { version: '1.28', endOfStandardSupport: '2025-02-04', endOfExtendedSupport: '2025-11-30' },
    { version: '1.29', endOfStandardSupport: '2025-03-21', endOfExtendedSupport: '2026-01-31' },
    { version: '1.30', endOfStandardSupport: '2025-09-30', endOfExtendedSupport: '2026-07-31' },
    { version: '1.31', endOfStandardSupport: '2025-12-04', endOfExtendedSupport: '2026-10-31' },
    { version: '1.32', endOfStandardSupport: '2026-02-28', endOfExtendedSupport: '2027-01-31' },
    { version: '1.33', endOfStandardSupport: '2026-06-30', endOfExtendedSupport: '2027-04-30' },
    { version: '1.34', endOfStandardSupport: '2026-10-31', endOfExtendedSupport: '2027-08-31' },
    { version: '1.35', endOfStandardSupport: '2027-02-28', endOfExtendedSupport: '2027-12-31' },
  ],
};
