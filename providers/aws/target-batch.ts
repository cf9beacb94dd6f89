/**
 * One batched call for the clusters of a target: each cluster says which ids it needs (or that
 * it needs none), and once every cluster has spoken, a single fetch with the union serves them
 * all. Each cluster must call `need` or `none` exactly once, failures included, or the batch
 * never starts (the collector does so in a `finally`).
 */
export class TargetBatch<R> {
  private readonly wanted = new Set<string>();
  private waiting: number;
  private readonly result: Promise<R>;
  private start: (ids: string[]) => void = () => undefined;

  constructor(clusters: number, fetch: (ids: string[]) => Promise<R>) {
    this.waiting = clusters;
    this.result = new Promise<string[]>((resolve) => {
      this.start = resolve;
    }).then(fetch);
    if (clusters === 0) this.start([]);
  }

  /** This cluster's ids; resolves with the batch's result once every cluster has spoken. */
  need(ids: Iterable<string>): Promise<R> {
    for (const id of ids) this.wanted.add(id);
    this.arrived();
    return this.result;
  }

  /** This cluster needs nothing (it could not be described, or has no such ids). */
  none(): void {
    this.arrived();
  }

  private arrived(): void {
    this.waiting -= 1;
    if (this.waiting === 0) this.start([...this.wanted]);
  }
}

/** `items` in slices of at most `size` (an API's limit of values per request). */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
