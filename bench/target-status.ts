import type { TargetResult } from '../pipeline/types';

/** One failing operation of the run: how often, on how many targets, and a sample of its error. */
export interface FailingOperation {
  operation: string;
  code: string;
  /** Failed calls (a target may fail one operation for several clusters). */
  calls: number;
  targets: number;
  /** The first such error's message, as the SDK reported it. */
  message: string;
}

/** How the targets of a run ended, and which calls failed: a partial target measures less. */
export interface TargetStatusSummary {
  ok: number;
  partialTargets: number;
  failed: number;
  /** Targets without a result (their step threw): counted as failed by publish. */
  missing: number;
  /** The failing operations, most failed calls first (at most `top`). */
  failingOperations: FailingOperation[];
}

/** Summarizes the targets' results of a run; `discovered` is how many targets it had. */
export function targetStatusSummary(
  results: readonly TargetResult[],
  discovered: number,
  top = 10,
): TargetStatusSummary {
  const counts = { ok: 0, partial: 0, failed: 0 };
  const byOperation = new Map<string, FailingOperation & { seen: Set<number> }>();
  results.forEach((result, index) => {
    counts[result.status] += 1;
    for (const error of result.errors) {
      const key = `${error.operation}\u0000${error.code}`;
      const entry = byOperation.get(key) ?? {
        operation: error.operation,
        code: error.code,
        calls: 0,
        targets: 0,
        message: error.message,
        seen: new Set<number>(),
      };
      entry.calls += 1;
      entry.seen.add(index);
      entry.targets = entry.seen.size;
      byOperation.set(key, entry);
    }
  });
  const failingOperations = [...byOperation.values()]
    .sort((a, b) => b.calls - a.calls || a.operation.localeCompare(b.operation))
    .slice(0, top)
    .map(({ seen: _seen, ...op }) => op);
  return {
    ok: counts.ok,
    partialTargets: counts.partial,
    failed: counts.failed,
    missing: discovered - results.length,
    failingOperations,
  };
}
