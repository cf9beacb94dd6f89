import type * as z from 'zod';
import { formatIssues } from '../../core/config';

/** A Lambda event that does not match the step's input schema. */
export class InvalidInputError extends Error {
  public override readonly name = 'InvalidInputError';
}

/** Parses a step's event with its zod schema; the error names the step and every bad field. */
export function parseEvent<T extends z.ZodType>(
  schema: T,
  event: unknown,
  step: string,
): z.infer<T> {
  const parsed = schema.safeParse(event);
  if (!parsed.success) {
    throw new InvalidInputError(`${step}: invalid input event:\n${formatIssues(parsed.error)}`);
  }
  return parsed.data;
}
