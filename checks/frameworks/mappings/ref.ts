import type { RequirementRef } from './types';

/** Shorthand for the theme tables: `r('SC-7', 'why')`. */
export const r = (requirement: string, rationale: string): RequirementRef => ({
  requirement,
  rationale,
});
