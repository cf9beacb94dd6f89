import type { Part } from '../../core/snapshot';
import type { PartCache } from './target-cache';

/** How long a shared object stays fresh: well inside one run, well short of the next one. */
export const DEFAULT_RUN_CACHE_TTL_MS = 10 * 60 * 1000;

/**
 * Parts shared by the targets of one run: account-wide objects (IAM is global, so
 * iam:ListRoles, iam:ListOpenIDConnectProviders and each role are the same for every region of
 * an account) and region-wide ones (DescribeClusterVersions). The collector lives as long as a
 * CLI run, but in Lambda it lives as long as the execution environment, which serves the
 * targets of several runs: entries therefore expire after `ttlMs` from their first fetch, so a
 * warm function shares them between the targets of one run and asks again in the next run.
 * A failed part is not kept (another target, maybe with other credentials, asks again).
 */
export class RunCache {
  private readonly entries = new Map<string, { at: number; part: Promise<Part<unknown>> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly clock: () => Date,
  ) {}

  once<T>(key: string, fetch: () => Promise<Part<T>>): Promise<Part<T>> {
    const now = this.clock().getTime();
    for (const [k, e] of this.entries) if (now - e.at >= this.ttlMs) this.entries.delete(k);
    const hit = this.entries.get(key);
    // Stored under this key by this method only, always as a Promise<Part<T>>.
    if (hit) return hit.part as Promise<Part<T>>;
    const part = fetch();
    const entry = { at: now, part };
    this.entries.set(key, entry);
    const drop = () => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    part.then((p) => {
      if (p.state === 'failed') drop();
    }, drop);
    return part;
  }

  /** The cache seen through one scope (an account id, a region): keys are prefixed with it. */
  scope(prefix: string): PartCache {
    return { once: (key, fetch) => this.once(`${prefix}\u0000${key}`, fetch) };
  }
}
