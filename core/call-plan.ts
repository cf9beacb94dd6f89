/** What one API call is made once per: the unit its count grows with. */
export type CallUnit =
  | 'run'
  | 'account'
  | 'region'
  | 'target'
  | 'cluster'
  | 'node group'
  | 'access entry'
  | 'add-on'
  | 'item';

/**
 * One API call a collector makes, how often, and why not less often. The lists of the three
 * clouds (`providers/<cloud>/call-plan.ts`) are checked against the operations each snapshot
 * part records and the checks' `reads`, and rendered as docs/api-calls.md.
 */
export interface PlannedCall {
  /** `service:Operation`, as the parts' operations and the checks' `reads` name it. */
  operation: string;
  /** The unit the count grows with. */
  per: CallUnit;
  /** How many, in words: `1 per target (+1 a page of 1,000)`. */
  count: string;
  /** Why it is made this often and not less: the API's shape, or the sharing and batching done. */
  why: string;
  /** Operations the checks name in `reads` whose objects come from this call. */
  serves?: readonly string[];
}
