/** `111122223333` matches the target `111122223333/eu-west-1`; a bare target matches itself. */
export function targetMatches(wanted: string, target: string): boolean {
  return wanted === target || target.startsWith(`${wanted}/`);
}

/** `eks:*` matches every EKS operation, `*` every operation. */
export function operationMatches(pattern: string, operation: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('*')) return operation.startsWith(pattern.slice(0, -1));
  return pattern === operation;
}

export interface CounterEntry {
  operation: string;
  target: string;
  count: number;
}

/**
 * Calls served per operation and target, faulted calls included (a throttled call that the SDK
 * retries counts twice). Read by tests and benchmarks.
 */
export class Counters {
  readonly #counts = new Map<string, CounterEntry>();

  record(operation: string, target: string): void {
    const key = `${operation}\u0000${target}`;
    const entry = this.#counts.get(key);
    if (entry) entry.count += 1;
    else this.#counts.set(key, { operation, target, count: 1 });
  }

  /**
   * Calls of an operation (`eks:DescribeCluster`, or a pattern `eks:*` / `*`), optionally of one
   * target (`111122223333` counts every region of that account).
   */
  get(operation: string, target?: string): number {
    let sum = 0;
    for (const e of this.#counts.values()) {
      if (!operationMatches(operation, e.operation)) continue;
      if (target !== undefined && !targetMatches(target, e.target)) continue;
      sum += e.count;
    }
    return sum;
  }

  /** Every (operation, target) pair seen, sorted. */
  entries(): CounterEntry[] {
    return [...this.#counts.values()]
      .map((e) => ({ ...e }))
      .sort((a, b) => a.operation.localeCompare(b.operation) || a.target.localeCompare(b.target));
  }

  /** Totals per operation, e.g. `{ 'eks:ListClusters': 4 }`. */
  byOperation(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const e of this.entries()) out[e.operation] = (out[e.operation] ?? 0) + e.count;
    return out;
  }

  reset(): void {
    this.#counts.clear();
  }
}
