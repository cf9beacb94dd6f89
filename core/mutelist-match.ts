import type { Finding, FindingException } from './finding';
import { globToRegExp } from './glob';
import type { Mutelist, MutelistEntry } from './mutelist';

/**
 * Applies a mutelist to a run's findings. Pure: the run's day is given, never read from a clock.
 *
 * Expiry boundary: an entry applies through its `expires` day inclusive, in UTC. A run whose
 * day (`RunRef.date`, the UTC day the run started; for a scan, the UTC day of its `now`) is on
 * or before `expires` is muted; from the next UTC day on the entry is expired. So
 * `expires: 2026-12-31` still mutes a run at 2026-12-31T23:59:59Z and no longer one at
 * 2027-01-01T00:00:00Z, whatever the local time zone of the people who wrote it.
 *
 * Within an entry every given field must match (AND); within a field any value may match (OR).
 * When several entries match a result, the first active one in file order is recorded; a result
 * matched only by expired entries records the first of them, with `state: 'expired'` and no
 * `muted` flag.
 */

export type EntryState = 'active' | 'expired' | 'unused';

/** What one entry did in this run. */
export interface EntryReport {
  /** 0-based index in `entries`. */
  index: number;
  entry: MutelistEntry;
  /**
   * `active`: in force and matched at least one result; `unused`: in force and matched nothing
   * (a stale or mistyped entry); `expired`: past its `expires` day, applies to nothing.
   */
  state: EntryState;
  /** Ids of the results the entry matches (for an expired entry: would match). */
  findingIds: string[];
}

export interface MutelistResult {
  /** The findings in the same order, with `muted` and `exception` set where an entry matched. */
  findings: Finding[];
  entries: EntryReport[];
  /** The UTC day the entries were judged against. */
  asOf: string;
}

/** The UTC calendar day of a time, `YYYY-MM-DD`. */
export function utcDay(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** True when the entry is still in force on `day` (both `YYYY-MM-DD`; the day is inclusive). */
export function isInForce(entry: Pick<MutelistEntry, 'expires'>, day: string): boolean {
  return day <= entry.expires;
}

type Matcher = (f: Finding) => boolean;

function anyGlob(globs: readonly string[] | undefined, values: (f: Finding) => string[]): Matcher {
  if (globs === undefined) return () => true;
  const res = globs.map(globToRegExp);
  return (f) => values(f).some((v) => res.some((re) => re.test(v)));
}

/** One entry as a predicate over findings (globs compiled once). */
export function entryMatcher(entry: MutelistEntry): Matcher {
  const checks = new Set(entry.checks);
  const everyCheck = checks.has('*');
  const byCheck: Matcher = (f) => everyCheck || checks.has(f.checkId) || checks.has(f.family);
  const providers = entry.providers ? new Set(entry.providers) : undefined;
  const byProvider: Matcher = (f) => providers === undefined || providers.has(f.provider);
  const byAccount = anyGlob(entry.accounts, (f) => [f.account]);
  const byRegion = anyGlob(entry.regions, (f) => [f.region]);
  const byCluster = anyGlob(entry.clusters, (f) => [f.resourceName, f.resourceId]);
  const tagRules = Object.entries(entry.tags ?? {}).map(([k, v]) => ({
    key: globToRegExp(k),
    value: globToRegExp(v),
  }));
  const byTags: Matcher = (f) =>
    tagRules.every((rule) =>
      Object.entries(f.tags ?? {}).some(([k, v]) => rule.key.test(k) && rule.value.test(v)),
    );
  return (f) =>
    byCheck(f) && byProvider(f) && byAccount(f) && byRegion(f) && byCluster(f) && byTags(f);
}

function exceptionOf(index: number, entry: MutelistEntry, active: boolean): FindingException {
  return {
    entry: index,
    reason: entry.reason,
    owner: entry.owner,
    expires: entry.expires,
    state: active ? 'active' : 'expired',
  };
}

/**
 * Applies a mutelist to a run's findings a batch at a time (publish reads one target at a time):
 * `mark` returns each batch marked, `result` what each entry did over every batch so far.
 */
export function mutelistApplier(
  mutelist: Mutelist,
  day: string,
): { mark(findings: readonly Finding[]): Finding[]; entries(): EntryReport[] } {
  const compiled = mutelist.entries.map((entry, index) => ({
    index,
    entry,
    active: isInForce(entry, day),
    matches: entryMatcher(entry),
    findingIds: [] as string[],
  }));
  return {
    mark: (findings) =>
      findings.map((finding) => {
        // A finding read back from an earlier run may carry an old exception: judge it afresh.
        const { muted: _muted, exception: _exception, ...f } = finding;
        const hits = compiled.filter((c) => c.matches(f));
        for (const hit of hits) hit.findingIds.push(f.id);
        const chosen = hits.find((c) => c.active) ?? hits[0];
        if (!chosen) return f;
        const exception = exceptionOf(chosen.index, chosen.entry, chosen.active);
        return chosen.active ? { ...f, muted: true as const, exception } : { ...f, exception };
      }),
    entries: () =>
      compiled.map((c) => ({
        index: c.index,
        entry: c.entry,
        state: !c.active ? 'expired' : c.findingIds.length > 0 ? 'active' : 'unused',
        findingIds: c.findingIds,
      })),
  };
}

/** The findings with their exceptions marked, and what each entry did on `day` (UTC). */
export function applyMutelist(
  findings: readonly Finding[],
  mutelist: Mutelist,
  day: string,
): MutelistResult {
  const applier = mutelistApplier(mutelist, day);
  return { findings: applier.mark(findings), asOf: day, entries: applier.entries() };
}
