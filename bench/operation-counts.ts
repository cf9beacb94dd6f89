import type { CounterEntry } from '../sandbox/counters';

/**
 * The sandbox's counters summed by operation over every target, sorted by operation (a
 * throttled call the SDK retried counts once per attempt, as the sandbox served it).
 */
export function callsByOperation(entries: readonly CounterEntry[]): Record<string, number> {
  const sums = new Map<string, number>();
  for (const e of entries) sums.set(e.operation, (sums.get(e.operation) ?? 0) + e.count);
  return Object.fromEntries([...sums].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
