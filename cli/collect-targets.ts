import type { Collector } from '../core/collector';
import { mapLimit } from '../core/map-limit';
import type { ClusterSnapshot } from '../core/snapshot';
import { type Target, targetLabel } from '../core/target';
import type { InputProblem } from './input-files';
import { type ScanProgress, withProgress } from './progress';

/** Targets of one cloud collected at the same time by a live scan. */
const TARGET_CONCURRENCY = 4;

/**
 * Collects the targets of a live scan, reporting progress. A target that failed (or a cluster
 * that could not be described) is a problem naming the target and the call; the rest is returned.
 */
export async function collectTargets(
  targets: readonly Target[],
  collector: Collector,
  progress: ScanProgress,
): Promise<{ snapshots: ClusterSnapshot[]; problems: InputProblem[] }> {
  progress.addTargets(targets.length);
  const results = await mapLimit(targets, TARGET_CONCURRENCY, (t) =>
    withProgress(progress, (hooks) => collector.collect(t, hooks)),
  );
  return {
    snapshots: results.flatMap((r) => r.snapshots),
    problems: results.flatMap((r) =>
      r.errors.map((e) => ({
        source: targetLabel(r.target),
        reason: `${e.operation}${e.resource === undefined ? '' : ` (${e.resource})`} failed with ${e.code}: ${e.message}`,
      })),
    ),
  };
}
