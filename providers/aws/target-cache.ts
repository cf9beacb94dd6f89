import type { Part } from '../../core/snapshot';

/**
 * Parts shared by every cluster of a target (account+region): the first cluster that needs one
 * starts its calls, the others await the same promise, so each object is fetched once per run.
 */
export class TargetCache {
  private readonly parts = new Map<string, Promise<Part<unknown>>>();

  once<T>(key: string, fetch: () => Promise<Part<T>>): Promise<Part<T>> {
    let part = this.parts.get(key);
    if (part === undefined) {
      part = fetch();
      this.parts.set(key, part);
    }
    // Stored under this key by this method only, always as a Promise<Part<T>>.
    return part as Promise<Part<T>>;
  }
}
