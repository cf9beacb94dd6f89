import { notCollected, type Part } from '../../../core/snapshot';

/**
 * A part that inputs may lack (`EksOptionalParts`): an absent key reads as not collected,
 * naming the API calls that would have filled it.
 */
export function optionalPart<T>(part: Part<T> | undefined, operations: string): Part<T> {
  return part ?? notCollected(`the input does not contain ${operations} data`);
}
