import type { AnyCheck, EvalContext, Outcome } from './check';
import { Finding, toFinding } from './finding';
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
      let invalid = false;
      for (const outcome of evaluateSafely(check, snapshot, ctx)) {
        const finding = toFinding(check, snapshot, outcome);
        if (Finding.safeParse(finding).success) findings.push(finding);
        else if (!invalid) {
          // Odd input data (a node pool named by an object...) must not make a finding that
          // findings.json cannot hold: that would lose every other finding of the target.
          invalid = true;
          findings.push(toFinding(check, snapshot, invalidResult(check, snapshot, outcome)));
        }
      }
    }
  }
  return findings;
}

/** The result a check gave when it does not make a valid finding: `unknown`, saying why. */
function invalidResult(check: AnyCheck, snapshot: ClusterSnapshot, outcome: Outcome): Outcome {
  const subject = (() => {
    try {
      return JSON.stringify(outcome.subject);
    } catch {
      return String(outcome.subject);
    }
  })();
  return {
    status: 'unknown',
    message: `Check ${check.meta.id} could not give a valid result for cluster ${snapshot.ref.name}: the input data is malformed (its result was about ${subject ?? 'the cluster'}).`,
    evidence: [ev('cluster', null)],
  };
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
