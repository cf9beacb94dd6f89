import type { Evidence, Outcome } from '../../../core/check';
import { ev, fail, pass, unknown } from '../../../core/outcome';
import type { NapTarget, PoolTarget } from './node-targets';

/**
 * Judges one boolean node setting that must be true. Proto3 JSON omits false, so an absent
 * value is false; a value of another type (e.g. the string "true" in hand-edited exports) is not
 * an API value and gives `unknown`.
 */
export function judgeBoolean(
  t: PoolTarget | NapTarget,
  path: string,
  value: unknown,
  what: string,
  extra: Evidence[] = [],
): Outcome {
  const evidence = [ev(path, value), ...extra];
  if (value !== undefined && typeof value !== 'boolean') {
    return unknown(
      `${t.label}: ${path} is ${JSON.stringify(value)}, not a boolean, so ${what} cannot be judged.`,
      evidence,
      t.subject,
    );
  }
  return value === true
    ? pass(`${t.label} has ${what} on.`, evidence, t.subject)
    : fail(`${t.label} has ${what} off.`, evidence, t.subject);
}
