import type { VersionCalendar } from '../version-calendar';

/**
 * Amazon EKS Kubernetes version support dates, for offline input where DescribeClusterVersions
 * cannot be called. Live collection always prefers the API's own dates.
 * Source: Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS",
 * release calendar (standard support 14 months, extended support 12 more).
 */
export const EKS_VERSION_CALENDAR: VersionCalendar = {
  asOf: '2026-02-14',
  source: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
  versions: [
    { version: '1.23', endOfStandardSupport: '2023-10-11', endOfExtendedSupport: '2024-10-11' },
    { version: '1.24', endOfStandardSupport: '2024-01-31', endOfExtendedSupport: '2025-01-31' },
    { version: '1.25', endOfStandardSupport: '2024-05-01', endOfExtendedSupport: '2025-05-01' },
    { version: '1.26', endOfStandardSupport: '2024-06-11', endOfExtendedSupport: '2025-06-11' },
    { version: '1.27', endOfStandardSupport: '2024-07-24', endOfExtendedSupport: '2025-07-24' },
    { version: '1.28', endOfStandardSupport: '2024-11-26', endOfExtendedSupport: '2025-11-26' },
    { version: '1.29', endOfStandardSupport: '2025-03-23', endOfExtendedSupport: '2026-03-23' },
    { version: '1.30', endOfStandardSupport: '2025-07-23', endOfExtendedSupport: '2026-07-23' },
    { version: '1.31', endOfStandardSupport: '2025-11-26', endOfExtendedSupport: '2026-11-26' },
    { version: '1.32', endOfStandardSupport: '2026-03-23', endOfExtendedSupport: '2027-03-23' },
    { version: '1.33', endOfStandardSupport: '2026-07-29', endOfExtendedSupport: '2027-07-29' },
    { version: '1.34', endOfStandardSupport: '2026-12-02', endOfExtendedSupport: '2027-12-02' },
    { version: '1.35', endOfStandardSupport: '2027-03-27', endOfExtendedSupport: '2028-03-27' },
  ],
};
