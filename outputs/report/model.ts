import type { Status } from '../../core/check';
import type { Finding } from '../../core/finding';
import type { Provider } from '../../core/provider';
import { bySeverityDesc } from '../../core/severity';
import { type FamilyRow, type GroupMeta, newGroupMeta, ReportTally, zeroCounts } from './tally';
import type { ReportFramework, RunHistoryEntry, StatusCounts } from './types';

export { type FamilyRow, zeroCounts };

/** The numbers the report shows, computed from findings alone (no formatting here). */

export const PROVIDERS: readonly Provider[] = ['eks', 'gke', 'aks'];
export const PROVIDER_LABEL: Readonly<Record<Provider, string>> = {
  eks: 'Amazon EKS',
  gke: 'Google GKE',
  aks: 'Azure AKS',
};

export function countStatuses(findings: readonly Finding[]): StatusCounts {
  const c = zeroCounts();
  for (const f of findings) c[f.status] += 1;
  return c;
}

/** The worst status present: fail, then unknown, then pass, then not applicable. */
export function worstStatus(c: StatusCounts): Status | undefined {
  if (c.fail) return 'fail';
  if (c.unknown) return 'unknown';
  if (c.pass) return 'pass';
  if (c.not_applicable) return 'not_applicable';
  return undefined;
}

/** The same control family across clouds; a missing cell means no check of that cloud ran. */
export function familyMatrix(findings: readonly Finding[]): FamilyRow[] {
  return familyRows(ReportTally.of(findings));
}

export function familyRows(tally: ReportTally): FamilyRow[] {
  return [...tally.families.values()].sort((a, b) => a.family.localeCompare(b.family));
}

export type RequirementVerdict = Status | 'manual' | 'not_checked';

export interface RequirementRow {
  id: string;
  title: string;
  assessment: 'automated' | 'manual';
  note?: string;
  checks: { checkId: string; title: string; counts: StatusCounts }[];
  counts: StatusCounts;
  verdict: RequirementVerdict;
}

/** Framework requirements → the checks that cite them → their results. */
export function requirementView(
  framework: ReportFramework,
  findings: readonly Finding[],
): RequirementRow[] {
  return requirementRows(framework, ReportTally.of(findings));
}

export function requirementRows(framework: ReportFramework, tally: ReportTally): RequirementRow[] {
  const cited = tally.requirements.get(framework.id);
  return framework.requirements.map((req) => {
    const entry = cited?.get(req.id);
    const counts = entry ? { ...entry.counts } : zeroCounts();
    const none = counts.pass + counts.fail + counts.unknown + counts.not_applicable === 0;
    const verdict: RequirementVerdict =
      req.assessment === 'manual' && none ? 'manual' : (worstStatus(counts) ?? 'not_checked');
    const row: RequirementRow = {
      id: req.id,
      title: req.title,
      assessment: req.assessment,
      checks: [...(entry?.byCheck.values() ?? [])]
        .map((c) => ({ ...c, counts: { ...c.counts } }))
        .sort((a, b) => a.checkId.localeCompare(b.checkId)),
      counts,
      verdict,
    };
    if (req.note) row.note = req.note;
    return row;
  });
}

/** Framework ids cited by findings that no given framework describes (shown as plain lists). */
export function undescribedFrameworks(
  findings: readonly Finding[],
  frameworks: readonly ReportFramework[],
): { id: string; requirements: { id: string; counts: StatusCounts }[] }[] {
  return undescribedRows(ReportTally.of(findings), frameworks);
}

export function undescribedRows(
  tally: ReportTally,
  frameworks: readonly ReportFramework[],
): { id: string; requirements: { id: string; counts: StatusCounts }[] }[] {
  const known = new Set(frameworks.map((f) => f.id));
  const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
  return [...tally.requirements]
    .filter(([id]) => !known.has(id))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, reqs]) => ({
      id,
      requirements: [...reqs]
        .sort(([a], [b]) => byNumber(a, b))
        .map(([rid, r]) => ({ id: rid, counts: { ...r.citations } })),
    }));
}

export interface ClusterGroup extends GroupMeta {
  /** Failures first, then unknown, pass, not applicable; most severe first within a status. */
  findings: Finding[];
}

export const STATUS_ORDER: Readonly<Record<Status, number>> = {
  fail: 0,
  unknown: 1,
  pass: 2,
  not_applicable: 3,
};

export function clusterGroups(findings: readonly Finding[]): ClusterGroup[] {
  const groups = new Map<string, ClusterGroup>();
  for (const f of findings) {
    const g = groups.get(f.resourceId) ?? { ...newGroupMeta(f), findings: [] };
    g.counts[f.status] += 1;
    g.findings.push(f);
    groups.set(f.resourceId, g);
  }
  for (const g of groups.values()) {
    g.findings.sort(
      (a, b) =>
        STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
        bySeverityDesc(a.severity, b.severity) ||
        a.checkId.localeCompare(b.checkId) ||
        (a.subject?.name ?? '').localeCompare(b.subject?.name ?? ''),
    );
  }
  return [...groups.values()].sort(
    (a, b) =>
      PROVIDERS.indexOf(a.provider) - PROVIDERS.indexOf(b.provider) ||
      a.account.localeCompare(b.account) ||
      a.name.localeCompare(b.name) ||
      a.resourceId.localeCompare(b.resourceId),
  );
}

/** A history entry for this run's findings, to store beside the run for later trends. */
export function historyEntry(
  date: string,
  findings: readonly Finding[],
  runId?: string,
): RunHistoryEntry {
  return historyEntryOf(date, countStatuses(findings), runId);
}

/** A history entry from a run's counts. */
export function historyEntryOf(
  date: string,
  counts: StatusCounts,
  runId?: string,
): RunHistoryEntry {
  return runId ? { date, runId, counts: { ...counts } } : { date, counts: { ...counts } };
}

/** The last `limit` points of the trend, oldest first, ending with this run when given. */
export function trendPoints(
  history: readonly RunHistoryEntry[],
  current: RunHistoryEntry | undefined,
  limit: number,
): RunHistoryEntry[] {
  const past = history.filter((h) => !current?.runId || h.runId !== current.runId);
  const sorted = [...past].sort(
    (a, b) => a.date.localeCompare(b.date) || (a.runId ?? '').localeCompare(b.runId ?? ''),
  );
  const all = current ? [...sorted, current] : sorted;
  return all.slice(-Math.max(1, limit));
}
