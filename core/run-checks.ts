import type { AnyCheck, EvalContext, Outcome } from './check';
import { FIELD_SHAPES } from './field-shapes';
import { Finding, toFinding } from './finding';
import { describeValue, type GuardedView, guardedView, MalformedField } from './guarded-view';
import { ev, unknown } from './outcome';
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
    // One view per snapshot: its checks share the views of the fields they read.
    const view = guardedView(snapshot, { shapes: FIELD_SHAPES[snapshot.provider] });
    for (const check of checks) {
      if (check.meta.provider !== snapshot.provider) continue;
      let invalid = false;
      for (const outcome of evaluateCheck(check, snapshot, ctx, view)) {
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

/**
 * One check on one snapshot, never throwing: the check reads a guarded view of the snapshot
 * (guarded-view.ts), so a field of an unexpected kind, or an error after reading an odd value,
 * gives one `unknown` that names the field; the evidence holds the raw values. `guarded` is
 * the snapshot's view, which the checks run on one snapshot share.
 */
export function evaluateCheck(
  check: AnyCheck,
  snapshot: ClusterSnapshot,
  ctx: EvalContext,
  guarded: GuardedView<ClusterSnapshot> = guardedView(snapshot, {
    shapes: FIELD_SHAPES[snapshot.provider],
  }),
): Outcome[] {
  guarded.forget();
  try {
    // The provider guard of the callers makes the snapshot the type this check was written for.
    const evaluate = check.evaluate as (s: ClusterSnapshot, c: EvalContext) => Outcome | Outcome[];
    const result = evaluate(guarded.value, ctx);
    return (Array.isArray(result) ? result : [result]).map((o) => ({
      ...o,
      evidence: o.evidence.map((e) => ({ ...e, value: guarded.unwrap(e.value) })),
    }));
  } catch (error) {
    const where = `Check ${check.meta.id} could not evaluate cluster ${snapshot.ref.name}`;
    if (error instanceof MalformedField) {
      return [
        unknown(`${where}: ${error.message}.`, [ev(error.path, guarded.unwrap(error.value))]),
      ];
    }
    const reason = error instanceof Error ? error.message : String(error);
    const last = guarded.lastRead();
    if (last === undefined) return [unknown(`${where}: ${reason}.`, [ev('cluster', null)])];
    return [
      unknown(`${where}: ${reason}, after reading ${last.path} (${describeValue(last.value)}).`, [
        ev(last.path, guarded.unwrap(last.value)),
      ]),
    ];
  }
}
