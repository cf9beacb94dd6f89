import type { Filter } from '@aws-sdk/client-ec2';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import { toCollectionError } from './collection-error';
import { chunks } from './target-batch';

/**
 * Values sent in one EC2 filter. The API reference gives no number for `Filter.Values`; EC2
 * refuses longer lists with "The maximum number of filter values specified on a single call is
 * 200", so a longer list is split into calls of 200 (the sandbox refuses more, too).
 */
export const EC2_FILTER_VALUES = 200;

/** The items of one batched Describe by an id filter, and the error of each id whose call failed. */
export interface IdBatch<T> {
  items: T[];
  failed: Map<string, CollectionError>;
}

/**
 * One Describe call (every page) per slice of `EC2_FILTER_VALUES` ids with the filter `name`.
 * A failed slice records its error against each of its ids; the other slices still count.
 */
export async function describeByFilter<T>(
  operation: string,
  name: string,
  ids: readonly string[],
  fetch: (filters: Filter[]) => Promise<T[]>,
): Promise<IdBatch<T>> {
  const batch: IdBatch<T> = { items: [], failed: new Map() };
  await Promise.all(
    chunks(ids, EC2_FILTER_VALUES).map(async (slice) => {
      try {
        batch.items.push(...(await fetch([{ Name: name, Values: slice }])));
      } catch (error) {
        const e = toCollectionError(operation, error);
        for (const id of slice) batch.failed.set(id, e);
      }
    }),
  );
  return batch;
}

/**
 * One cluster's items out of a target's batch, in the batch's order: `failed` naming the
 * cluster's ids (as its own call would have) when a call that carried one of them failed.
 */
export function partOfBatch<T>(
  batch: IdBatch<T>,
  ids: readonly string[],
  idOf: (item: T) => string | undefined,
  operation: string,
): Part<T[]> {
  const resource = ids.join(',');
  for (const id of ids) {
    const error = batch.failed.get(id);
    if (error !== undefined) return failed([{ ...error, resource }]);
  }
  const wanted = new Set(ids);
  return collected(
    batch.items.filter((item) => {
      const id = idOf(item);
      return id !== undefined && wanted.has(id);
    }),
    [operation],
  );
}
