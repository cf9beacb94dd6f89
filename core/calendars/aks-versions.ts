import type { VersionCalendar } from '../version-calendar';

/**
 * AKS Kubernetes minor versions: end of community support (`endOfStandardSupport`) and, for the
 * versions AKS designated for long-term support, end of LTS (`endOfExtendedSupport`), for
 * offline input where `ManagedClusters_ListKubernetesVersions` cannot be called. Live collection
 * always prefers the API's own list. The AKS release calendar gives months only: each date is
 * the last day of the month it names. Versions newer than the table are left out rather than
 * guessed; a cluster on one of them is `unknown` offline until `aks.versionCalendar` is updated.
 */
export const AKS_VERSION_CALENDAR: VersionCalendar = {
  asOf: '2025-07-01',
  source:
    'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions#aks-kubernetes-release-calendar',
  versions: [
    { version: '1.26', endOfStandardSupport: '2024-03-31' },
    { version: '1.27', endOfStandardSupport: '2024-07-31', endOfExtendedSupport: '2025-07-31' },
    { version: '1.28', endOfStandardSupport: '2025-02-28' },
    { version: '1.29', endOfStandardSupport: '2025-03-31' },
    { version: '1.30', endOfStandardSupport: '2025-07-31', endOfExtendedSupport: '2026-07-31' },
    { version: '1.31', endOfStandardSupport: '2025-11-30' },
    { version: '1.32', endOfStandardSupport: '2026-03-31' },
    { version: '1.33', endOfStandardSupport: '2026-06-30' },
  ],
};
