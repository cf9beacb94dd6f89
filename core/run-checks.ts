import type { AnyCheck, EvalContext, Outcome } from './check';
import { type Finding, toFinding } from './finding';
import { ev } from './outcome';
import type { ClusterSnapshot } from './snapshot';

/**
 * Runs every check of the snapshot's provider. A check that throws yields `unknown` with the
 * error, so one faulty check never loses the other findings of a run.
 */
export function runChecks(
  checks: readonly AnyCheck[],
  snapshots: readonly ClusterSnapshot[],
  ctx: EvalContext,
): Finding[] {
  const findings: Finding[] = [];
  for (const snapshot of snapshots) {
    for (const check of checks) {
      if (check.meta.provider !== snapshot.provider) continue;
      for (const outcome of evaluateSafely(check, snapshot, ctx)) {
        findings.push(toFinding(check, snapshot, outcome));
      }
    }
  }
  return findings;
}

function evaluateSafely(check: AnyCheck, snapshot: ClusterSnapshot, ctx: EvalContext): Outcome[] {
  try {
    // The provider guard above makes the snapshot the type this check was written for.
    const evaluate = check.evaluate as (s: ClusterSnapshot, c: EvalContext) => Outcome | Outcome[];
    const result = evaluate(snapshot, ctx);
    return Array.isArray(result) ? result : [result];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      {
        status: 'unknown',
        message: `Check ${check.meta.id} could not evaluate cluster ${snapshot.ref.name}: ${reason}.`,
        evidence: [ev('cluster', null)],
      },
    ];
  }
}
