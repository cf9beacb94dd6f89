import type { Evidence } from '../../../core/check';
import { ev, partProblem } from '../../../core/outcome';
import type { Part } from '../../../core/snapshot';
import type { EksClusterVersion } from '../../../core/snapshot-eks';
import { compareMinor, type VersionCalendar } from '../../../core/version-calendar';

/** Support window of one Kubernetes minor version, from the live API or the dated calendar. */
export interface SupportWindow {
  version: string;
  endOfStandardSupport?: Date;
  endOfExtendedSupport?: Date;
  /** The live API's own verdict at collection time (absent for the calendar). */
  status?: 'standard' | 'extended' | 'unsupported';
  evidence: Evidence[];
}

/** Where the windows came from, as the message names it. */
export interface SupportSource {
  label: string;
  windows: SupportWindow[];
}

const MINOR = /^(\d+)\.(\d+)/;

/** `1.31` from `1.31` or `1.31.2`; undefined when the text is no Kubernetes version. */
export function minorOf(version: string | undefined): string | undefined {
  const match = version ? MINOR.exec(version) : null;
  return match ? `${match[1]}.${match[2]}` : undefined;
}

function dateOf(value: string | number | undefined): Date | undefined {
  if (value === undefined) return undefined;
  // Exports may carry epoch seconds (the AWS CLI's default) instead of ISO strings.
  const date = typeof value === 'number' ? new Date(value * 1000) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const LIVE_STATUS: Readonly<Record<string, SupportWindow['status']>> = {
  STANDARD_SUPPORT: 'standard',
  EXTENDED_SUPPORT: 'extended',
  UNSUPPORTED: 'unsupported',
  'standard-support': 'standard',
  'extended-support': 'extended',
  unsupported: 'unsupported',
};

/**
 * Windows from DescribeClusterVersions, keeping only entries of the cluster's type (`eks`, or
 * `eks-local-outposts` for local clusters on Outposts; entries without a type are kept).
 * `versionStatus` is read first; `status` is its deprecated twin.
 */
export function liveWindows(
  versions: readonly EksClusterVersion[],
  clusterType: string,
  path: string,
): SupportWindow[] {
  const windows: SupportWindow[] = [];
  versions.forEach((entry, i) => {
    const version = minorOf(entry.clusterVersion);
    if (!version || (entry.clusterType !== undefined && entry.clusterType !== clusterType)) return;
    const at = `${path}[${i}]`;
    const statusField = entry.versionStatus !== undefined ? 'versionStatus' : 'status';
    const statusValue = entry.versionStatus ?? entry.status;
    const status = statusValue === undefined ? undefined : LIVE_STATUS[statusValue];
    const standardEnd = dateOf(entry.endOfStandardSupportDate);
    const extendedEnd = dateOf(entry.endOfExtendedSupportDate);
    windows.push({
      version,
      ...(standardEnd ? { endOfStandardSupport: standardEnd } : {}),
      ...(extendedEnd ? { endOfExtendedSupport: extendedEnd } : {}),
      ...(status ? { status } : {}),
      evidence: [
        ev(`${at}.clusterVersion`, entry.clusterVersion),
        ev(`${at}.${statusField}`, statusValue),
        ev(`${at}.endOfStandardSupportDate`, entry.endOfStandardSupportDate),
        ev(`${at}.endOfExtendedSupportDate`, entry.endOfExtendedSupportDate),
      ],
    });
  });
  return windows;
}

/** Windows from the dated calendar; a date means support ends at the start of that day (UTC). */
export function calendarWindows(calendar: VersionCalendar, path: string): SupportWindow[] {
  return calendar.versions.map((entry, i) => {
    const at = `${path}.versions[${i}]`;
    const standardEnd = dateOf(`${entry.endOfStandardSupport}T00:00:00Z`);
    const extendedEnd = dateOf(
      entry.endOfExtendedSupport ? `${entry.endOfExtendedSupport}T00:00:00Z` : undefined,
    );
    return {
      version: entry.version,
      ...(standardEnd ? { endOfStandardSupport: standardEnd } : {}),
      ...(extendedEnd ? { endOfExtendedSupport: extendedEnd } : {}),
      evidence: [
        ev(`${at}.version`, entry.version),
        ev(`${at}.endOfStandardSupport`, entry.endOfStandardSupport),
        ev(`${at}.endOfExtendedSupport`, entry.endOfExtendedSupport),
      ],
    };
  });
}

/**
 * Whether standard support of a window has ended at `now`: the live status wins when it says
 * support has ended (the API knew at collection time); otherwise the end date decides.
 * Undefined when the window carries neither a status nor a date.
 */
export function pastStandard(window: SupportWindow, now: Date): boolean | undefined {
  if (window.status === 'extended' || window.status === 'unsupported') return true;
  const end = window.endOfStandardSupport;
  if (end) return now.getTime() >= end.getTime();
  return window.status === 'standard' ? false : undefined;
}

/** Whether extended support has also ended (or the version is unsupported). */
export function pastExtended(window: SupportWindow, now: Date): boolean | undefined {
  if (window.status === 'unsupported') return true;
  const end = window.endOfExtendedSupport;
  return end ? now.getTime() >= end.getTime() : undefined;
}

/** How a version relates to a list of windows. */
export type Placement =
  | { kind: 'listed'; window: SupportWindow }
  | { kind: 'newer'; newest: SupportWindow }
  | { kind: 'older'; oldest: SupportWindow }
  | { kind: 'between' }
  | { kind: 'empty' };

export function place(version: string, windows: readonly SupportWindow[]): Placement {
  const listed = windows.find((w) => compareMinor(w.version, version) === 0);
  if (listed) return { kind: 'listed', window: listed };
  const sorted = [...windows].sort((a, b) => compareMinor(a.version, b.version));
  const oldest = sorted[0];
  const newest = sorted[sorted.length - 1];
  if (!oldest || !newest) return { kind: 'empty' };
  if (compareMinor(version, newest.version) > 0) return { kind: 'newer', newest };
  if (compareMinor(version, oldest.version) < 0) return { kind: 'older', oldest };
  return { kind: 'between' };
}

/** `2026-03-23` */
export function day(date: Date | undefined): string {
  return date ? date.toISOString().slice(0, 10) : 'an unknown date';
}

/**
 * Whether standard support of `version` has ended, reasoning from the placement: a listed
 * version by its own window; a newer one is supported while the newest listed still is; an
 * older one has ended once the oldest listed has. Undefined when it cannot be told.
 */
export function standardEnded(placement: Placement, now: Date): boolean | undefined {
  switch (placement.kind) {
    case 'listed':
      return pastStandard(placement.window, now);
    case 'newer':
      return pastStandard(placement.newest, now) === false ? false : undefined;
    case 'older':
      return pastStandard(placement.oldest, now) === true ? true : undefined;
    default:
      return undefined;
  }
}

/** The windows that decide a cluster's version support, and what to say about their source. */
export interface ResolvedSupport {
  source: SupportSource;
  /** Evidence of the source itself (the calendar's date), besides the deciding window's. */
  evidence: Evidence[];
  /** Why live data was not used, when that is worth saying. */
  note?: string;
}

const LIVE_PATH = 'parts.clusterVersions.value';
const CALENDAR_PATH = 'config.eks.versionCalendar';

/**
 * Live DescribeClusterVersions data when the snapshot has it; otherwise the dated calendar of
 * the configuration (offline input, a denied call or an empty answer).
 */
export function resolveSupport(
  liveVersions: Part<EksClusterVersion[]>,
  clusterType: string,
  calendar: VersionCalendar,
): ResolvedSupport {
  if (liveVersions.state === 'collected' && liveVersions.value.length > 0) {
    return {
      source: {
        label: 'live DescribeClusterVersions data',
        windows: liveWindows(liveVersions.value, clusterType, LIVE_PATH),
      },
      evidence: [],
    };
  }
  // A failed or empty live answer is worth saying; an export without it is the normal offline case.
  const note =
    liveVersions.state === 'collected'
      ? 'DescribeClusterVersions returned no versions'
      : liveVersions.state === 'failed'
        ? partProblem(liveVersions, 'DescribeClusterVersions data')
        : undefined;
  return {
    source: {
      label: `the EKS version calendar as of ${calendar.asOf}`,
      windows: calendarWindows(calendar, CALENDAR_PATH),
    },
    evidence: [ev(`${CALENDAR_PATH}.asOf`, calendar.asOf)],
    ...(note ? { note } : {}),
  };
}
