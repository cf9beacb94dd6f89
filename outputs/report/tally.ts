import type { Finding } from '../../core/finding';
import type { Provider } from '../../core/provider';
import { SummaryBuilder } from '../../core/summary';
import type { StatusCounts } from './types';

/**
 * Every number the report shows, counted one finding at a time: the report of a large run is
 * written from these counts and the spooled result entries, never from the whole list at once.
 */

export const zeroCounts = (): StatusCounts => ({ pass: 0, fail: 0, unknown: 0, not_applicable: 0 });

export interface FamilyRow {
  family: string;
  cells: Partial<Record<Provider, StatusCounts>>;
}

export interface RequirementTally {
  /** Results that cite the requirement (a result counts once however often it cites it). */
  counts: StatusCounts;
  /** Per citation: a result citing it twice counts twice (the plain lists of unknown frameworks). */
  citations: StatusCounts;
  byCheck: Map<string, { checkId: string; title: string; counts: StatusCounts }>;
}

/** A cluster (or audit scope) as its first result names it, with its results per status. */
export interface GroupMeta {
  resourceId: string;
  name: string;
  provider: Provider;
  account: string;
  region: string;
  counts: StatusCounts;
}

/** The group of `f`'s cluster, with nothing counted yet. */
export const newGroupMeta = (f: Finding): GroupMeta => ({
  resourceId: f.resourceId,
  name: f.resourceName,
  provider: f.provider,
  account: f.account,
  region: f.region,
  counts: zeroCounts(),
});

export class ReportTally {
  readonly summary = new SummaryBuilder();
  readonly counts = zeroCounts();
  mutedFailing = 0;
  readonly families = new Map<string, FamilyRow>();
  /** Framework id → requirement id → its results. */
  readonly requirements = new Map<string, Map<string, RequirementTally>>();
  /** Framework ids any result cites (with or without requirement ids). */
  readonly citedFrameworks = new Set<string>();
  readonly providers = new Set<Provider>();
  /** `provider\0family` → results. */
  readonly providerFamilies = new Map<string, StatusCounts>();
  /** Check id → the names of the clusters it failed on. */
  readonly failedClusters = new Map<string, Set<string>>();
  /** Failing results covered by a mutelist entry (active or expired): id → how many. */
  readonly failingWithException = new Map<string, number>();
  readonly groups = new Map<string, GroupMeta>();

  add(f: Finding): void {
    this.summary.add(f);
    this.counts[f.status] += 1;
    if (f.muted && f.status === 'fail') this.mutedFailing += 1;

    const row = this.families.get(f.family) ?? { family: f.family, cells: {} };
    const cell = row.cells[f.provider] ?? zeroCounts();
    cell[f.status] += 1;
    row.cells[f.provider] = cell;
    this.families.set(f.family, row);

    for (const [fw, ids] of Object.entries(f.frameworks)) {
      this.citedFrameworks.add(fw);
      const reqs = this.requirements.get(fw) ?? new Map<string, RequirementTally>();
      this.requirements.set(fw, reqs);
      const once = new Set<string>();
      for (const id of ids) {
        const req = reqs.get(id) ?? {
          counts: zeroCounts(),
          citations: zeroCounts(),
          byCheck: new Map(),
        };
        reqs.set(id, req);
        req.citations[f.status] += 1;
        if (once.has(id)) continue;
        once.add(id);
        req.counts[f.status] += 1;
        const entry = req.byCheck.get(f.checkId) ?? {
          checkId: f.checkId,
          title: f.title,
          counts: zeroCounts(),
        };
        entry.counts[f.status] += 1;
        req.byCheck.set(f.checkId, entry);
      }
    }

    this.providers.add(f.provider);
    const key = `${f.provider}\u0000${f.family}`;
    const pf = this.providerFamilies.get(key) ?? zeroCounts();
    pf[f.status] += 1;
    this.providerFamilies.set(key, pf);

    if (f.status === 'fail') {
      const names = this.failedClusters.get(f.checkId) ?? new Set<string>();
      names.add(f.resourceName);
      this.failedClusters.set(f.checkId, names);
      if (f.exception) {
        this.failingWithException.set(f.id, (this.failingWithException.get(f.id) ?? 0) + 1);
      }
    }

    const group = this.groups.get(f.resourceId) ?? newGroupMeta(f);
    group.counts[f.status] += 1;
    this.groups.set(f.resourceId, group);
  }

  /** The results of one cloud's checks in one family (zero when there are none). */
  providerFamily(provider: Provider, family: string): StatusCounts {
    return this.providerFamilies.get(`${provider}\u0000${family}`) ?? zeroCounts();
  }

  static of(findings: readonly Finding[]): ReportTally {
    const tally = new ReportTally();
    for (const f of findings) tally.add(f);
    return tally;
  }
}
