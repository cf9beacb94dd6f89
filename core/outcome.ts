import type { Evidence, Outcome, Subject } from './check';
import type { Part } from './snapshot';

/** Evidence for one field; an `undefined` value is recorded as absent. */
export function ev(path: string, value: unknown): Evidence {
  return value === undefined ? { path, value: null, absent: true } : { path, value };
}

function outcome(
  status: Outcome['status'],
  message: string,
  evidence: Evidence[],
  subject?: Subject,
): Outcome {
  return subject ? { status, message, evidence, subject } : { status, message, evidence };
}

export const pass = (message: string, evidence: Evidence[], subject?: Subject): Outcome =>
  outcome('pass', message, evidence, subject);
export const fail = (message: string, evidence: Evidence[], subject?: Subject): Outcome =>
  outcome('fail', message, evidence, subject);
export const unknown = (message: string, evidence: Evidence[], subject?: Subject): Outcome =>
  outcome('unknown', message, evidence, subject);
export const notApplicable = (message: string, evidence: Evidence[], subject?: Subject): Outcome =>
  outcome('not_applicable', message, evidence, subject);

/** Why a part cannot be read, as a sentence that names the failed calls. */
export function partProblem(part: Part<unknown>, what: string): string | undefined {
  switch (part.state) {
    case 'collected':
      return undefined;
    case 'failed':
      return `${what} could not be read: ${part.errors
        .map(
          (e) =>
            `${e.operation}${e.resource ? ` (${e.resource})` : ''} failed with ${e.code}: ${e.message}`,
        )
        .join('; ')}`;
    case 'not_collected':
      return `${what} not collected: ${part.reason}`;
  }
}

/**
 * The value of a part, or an `unknown` outcome saying which call failed or why it is missing.
 * A collected part with sub-call errors is returned with `incomplete` set, so a check can still
 * fail on what it saw but must not pass.
 */
export function readPart<T>(
  part: Part<T>,
  what: string,
  path: string,
): { ok: true; value: T; incomplete?: string } | { ok: false; outcome: Outcome } {
  if (part.state === 'collected') {
    const errs = part.errors ?? [];
    if (errs.length === 0) return { ok: true, value: part.value };
    return {
      ok: true,
      value: part.value,
      incomplete: partProblem({ state: 'failed', errors: errs }, `part of ${what}`) ?? '',
    };
  }
  return { ok: false, outcome: unknown(`${partProblem(part, what)}.`, [ev(path, null)]) };
}
