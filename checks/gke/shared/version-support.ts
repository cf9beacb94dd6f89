import type { Evidence } from '../../../core/check';
import { ev } from '../../../core/outcome';
import type { GkeSnapshot } from '../../../core/snapshot-gke';
import { compareMinor, type VersionCalendar } from '../../../core/version-calendar';
import { minorOf } from './cluster';

export type SupportVerdict =
  | { state: 'supported' | 'unsupported'; reason: string; evidence: Evidence[] }
  | { state: 'unknown'; reason: string; evidence: Evidence[] };

const day = (iso: string) => iso.slice(0, 10);

/**
 * Whether the control plane's minor version is in support at `now`, from the best source the
 * snapshot has: the cluster's own upgrade info (end-of-support timestamps), else the location's
 * server config (the versions GKE still offers), else the dated calendar of the configuration.
 */
export function controlPlaneSupport(
  snapshot: GkeSnapshot,
  now: Date,
  calendar: VersionCalendar,
): SupportVerdict {
  const { cluster, parts } = snapshot;
  const version = cluster.currentMasterVersion;
  const minor = minorOf(version);
  const extended = cluster.releaseChannel?.channel === 'EXTENDED';
  const base = [
    ev('cluster.currentMasterVersion', version),
    ev('cluster.releaseChannel.channel', cluster.releaseChannel?.channel),
  ];
  if (!minor)
    return {
      state: 'unknown',
      reason: `the control-plane version ${version ?? '(absent)'} is not readable`,
      evidence: base,
    };

  if (
    parts.upgradeInfo.state === 'collected' &&
    parts.upgradeInfo.value.endOfStandardSupportTimestamp
  ) {
    const info = parts.upgradeInfo.value;
    const eos = info.endOfStandardSupportTimestamp ?? '';
    const eoe = info.endOfExtendedSupportTimestamp;
    const evidence = [
      ...base,
      ev('parts.upgradeInfo.value.endOfStandardSupportTimestamp', eos),
      ev('parts.upgradeInfo.value.endOfExtendedSupportTimestamp', eoe),
    ];
    if (now <= new Date(eos))
      return {
        state: 'supported',
        reason: `${minor} is in standard support until ${day(eos)}`,
        evidence,
      };
    if (extended && eoe && now <= new Date(eoe)) {
      return {
        state: 'supported',
        reason: `${minor} is in extended support (Extended channel) until ${day(eoe)}`,
        evidence,
      };
    }
    return {
      state: 'unsupported',
      reason: `${minor} left ${extended ? 'extended' : 'standard'} support on ${day(extended && eoe ? eoe : eos)}`,
      evidence,
    };
  }

  if (parts.serverConfig.state === 'collected') {
    const sc = parts.serverConfig.value;
    const offered = [
      ...(sc.validMasterVersions ?? []),
      ...(sc.channels ?? []).flatMap((c) => c.validVersions ?? []),
    ]
      .map(minorOf)
      .filter((m): m is string => m !== undefined);
    if (offered.length > 0) {
      const oldest = offered.reduce((a, b) => (compareMinor(a, b) <= 0 ? a : b));
      const evidence = [...base, ev('parts.serverConfig.value.oldestOfferedMinor', oldest)];
      return compareMinor(minor, oldest) >= 0
        ? {
            state: 'supported',
            reason: `${minor} is still offered by GKE in this location (oldest offered: ${oldest})`,
            evidence,
          }
        : {
            state: 'unsupported',
            reason: `${minor} is older than every version GKE still offers in this location (oldest: ${oldest})`,
            evidence,
          };
    }
  }

  const entry = calendar.versions.find((v) => v.version === minor);
  const calEvidence = [...base, ev('config.gke.versionCalendar.asOf', calendar.asOf)];
  if (!entry) {
    const oldest = calendar.versions.reduce((a, b) =>
      compareMinor(a.version, b.version) <= 0 ? a : b,
    );
    const newest = calendar.versions.reduce((a, b) =>
      compareMinor(a.version, b.version) >= 0 ? a : b,
    );
    if (compareMinor(minor, oldest.version) < 0) {
      return {
        state: 'unsupported',
        reason: `${minor} is older than every version in the calendar (as of ${calendar.asOf})`,
        evidence: calEvidence,
      };
    }
    if (compareMinor(minor, newest.version) > 0) {
      return {
        state: 'supported',
        reason: `${minor} is newer than every version in the calendar (as of ${calendar.asOf})`,
        evidence: calEvidence,
      };
    }
    return {
      state: 'unknown',
      reason: `${minor} is not in the version calendar (as of ${calendar.asOf})`,
      evidence: calEvidence,
    };
  }
  const evidence = [...calEvidence, ev('config.gke.versionCalendar.versions[version]', entry)];
  if (now <= new Date(`${entry.endOfStandardSupport}T23:59:59Z`)) {
    return {
      state: 'supported',
      reason: `${minor} is in standard support until ${entry.endOfStandardSupport} (calendar as of ${calendar.asOf})`,
      evidence,
    };
  }
  if (
    extended &&
    entry.endOfExtendedSupport &&
    now <= new Date(`${entry.endOfExtendedSupport}T23:59:59Z`)
  ) {
    return {
      state: 'supported',
      reason: `${minor} is in extended support until ${entry.endOfExtendedSupport} (calendar as of ${calendar.asOf})`,
      evidence,
    };
  }
  return {
    state: 'unsupported',
    reason: `${minor} left support on ${extended && entry.endOfExtendedSupport ? entry.endOfExtendedSupport : entry.endOfStandardSupport} (calendar as of ${calendar.asOf})`,
    evidence,
  };
}
