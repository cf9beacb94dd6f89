/** How long a shared object stays fresh: well inside one run, well short of the next one. */
export const DEFAULT_RUN_CACHE_TTL_MS = 10 * 60 * 1000;

/** A keyed cache of fetched objects, or a view of one whose keys carry a prefix. */
export interface SharedCache {
  /**
   * The object under `key`: the first asker starts `fetch`, every asker while it is fresh gets
   * the same promise. A value for which `keep` is false (a failed part), or a rejection, is
   * forgotten once it settles, so the next asker (maybe another target, with its own
   * credentials) asks again instead of inheriting it.
   */
  once<T>(key: string, fetch: () => Promise<T>, keep: (value: T) => boolean): Promise<T>;
  /** The cache seen through one scope (a cloud, an account, a Region): keys get the prefix. */
  scope(prefix: string): SharedCache;
}

/**
 * Objects shared by the targets of one run: an account's global objects (IAM), a Region's or a
 * location's catalogs, a subscription's or a project's objects that several of its targets (the
 * parts of a split scope) need. A CLI run holds one for its whole run; a warm Lambda execution
 * environment holds one per run (functions/audit-target/environment-handler.ts), so the next run
 * asks again. Entries also expire `ttlMs` after their fetch, so a long run refreshes them.
 */
export class RunCache implements SharedCache {
  private readonly entries = new Map<string, { at: number; value: Promise<unknown> }>();

  constructor(
    private readonly ttlMs: number = DEFAULT_RUN_CACHE_TTL_MS,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  once<T>(key: string, fetch: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const now = this.clock().getTime();
    this.evict(now);
    const hit = this.entries.get(key);
    // Stored under this key by this method only, always as a Promise<T>.
    if (hit !== undefined && now - hit.at < this.ttlMs) return hit.value as Promise<T>;
    const value = fetch();
    const entry = { at: now, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    value.then((v) => {
      if (!keep(v)) drop();
    }, drop);
    return value;
  }

  scope(prefix: string): SharedCache {
    return scoped(this, prefix);
  }

  /** Entries are in the order of their fetch: the stale ones are at the front. */
  private evict(now: number): void {
    for (const [key, entry] of this.entries) {
      if (now - entry.at < this.ttlMs) return;
      this.entries.delete(key);
    }
  }
}

function scoped(cache: SharedCache, prefix: string): SharedCache {
  return {
    once: (key, fetch, keep) => cache.once(`${prefix}\u0000${key}`, fetch, keep),
    scope: (inner) => scoped(cache, `${prefix}\u0000${inner}`),
  };
}
