import type { Part } from '../../core/snapshot';

/** Keys whose objects are the account's (IAM is global), not the target's account+region. */
const ACCOUNT_WIDE = new Set(['roles', 'oidcProviderArns']);
/** Key prefixes of a Region's catalogs, the same in every account. */
const REGION_WIDE = ['addonVersions:'];

/**
 * Parts shared by every cluster of a target (account+region): the first cluster that needs one
 * starts its calls, the others await the same promise, so each object is fetched once per run.
 * With `wider` caches, account-wide and Region-wide objects are shared with the run's other
 * targets of the same account or Region too.
 */
export class TargetCache {
  private readonly parts = new Map<string, Promise<Part<unknown>>>();

  /**
   * `shareFailures: false` (for caches wider than a target): a failed part is forgotten, so the
   * next target asks again with its own credentials instead of inheriting another's denial.
   */
  constructor(
    private readonly wider: { account?: TargetCache; region?: TargetCache } = {},
    private readonly shareFailures = true,
  ) {}

  once<T>(key: string, fetch: () => Promise<Part<T>>): Promise<Part<T>> {
    const { account, region } = this.wider;
    if (account !== undefined && ACCOUNT_WIDE.has(key)) return account.once(key, fetch);
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
