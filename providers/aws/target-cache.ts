import type { SharedCache } from '../../core/run-cache';
import type { Part } from '../../core/snapshot';

/** Keys whose objects are the account's (IAM is global), not the target's account+region. */
const ACCOUNT_WIDE = new Set(['roles', 'oidcProviderArns']);
/** Key prefixes of the account's IAM roles and customer managed policies (global too). */
const ACCOUNT_WIDE_PREFIXES = ['role:', 'policy:'];
/** Key prefixes of a Region's catalogs, the same in every account. */
const REGION_WIDE = ['addonVersions:'];

/** Something that fetches each keyed part once and hands every asker the same promise. */
export interface PartCache {
  once<T>(key: string, fetch: () => Promise<Part<T>>): Promise<Part<T>>;
}

/** A shared cache (wider than a target) seen as a PartCache: a failed part is not kept. */
export function wideParts(cache: SharedCache): PartCache {
  return { once: (key, fetch) => cache.once(key, fetch, (p) => p.state !== 'failed') };
}

/**
 * Parts shared by every cluster of a target (account+region): the first cluster that needs one
 * starts its calls, the others await the same promise, so each object is fetched once per run.
 * With `wider` caches, account-wide and Region-wide objects are shared with the run's other
 * targets of the same account or Region too.
 */
export class TargetCache implements PartCache {
  private readonly parts = new Map<string, Promise<Part<unknown>>>();

  /**
   * `shareFailures: false` (for caches wider than a target): a failed part is forgotten, so the
   * next target asks again with its own credentials instead of inheriting another's denial.
   */
  constructor(
    private readonly wider: { account?: PartCache; region?: PartCache } = {},
    private readonly shareFailures = true,
  ) {}

  once<T>(key: string, fetch: () => Promise<Part<T>>): Promise<Part<T>> {
    const { account, region } = this.wider;
    const accountWide =
      ACCOUNT_WIDE.has(key) || ACCOUNT_WIDE_PREFIXES.some((p) => key.startsWith(p));
    if (account !== undefined && accountWide) return account.once(key, fetch);
    if (region !== undefined && REGION_WIDE.some((p) => key.startsWith(p))) {
      return region.once(key, fetch);
    }
    let part = this.parts.get(key);
    if (part === undefined) {
      part = fetch();
      this.parts.set(key, part);
      if (!this.shareFailures) {
        void part.then((p) => {
          if (p.state === 'failed') this.parts.delete(key);
        });
      }
    }
    // Stored under this key by this method only, always as a Promise<Part<T>>.
    return part as Promise<Part<T>>;
  }
}
