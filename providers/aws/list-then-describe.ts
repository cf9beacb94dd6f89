import { mapLimit } from '../../core/map-limit';
import { type CollectionError, collected, failed, type Part } from '../../core/snapshot';
import { toCollectionError } from './collection-error';

/** Items described at the same time within one part. */
const DESCRIBE_CONCURRENCY = 4;

/**
 * The list → describe pattern of most parts: `list` (every page) names the items, `describe`
 * fetches each. A failed listing fails the part; failed describes leave it `collected` with the
 * errors (incomplete), or `failed` when none could be described.
 */
export async function listThenDescribe<N, T>(spec: {
  listOperation: string;
  describeOperation: string;
  /** What the listing is about (the cluster), for its error; none for account-wide lists. */
  resource?: string;
  list: () => Promise<N[]>;
  describe: (name: N) => Promise<T | undefined>;
  /** Only for error messages. */
  nameOf: (name: N) => string;
}): Promise<Part<T[]>> {
  let names: N[];
  try {
    names = await spec.list();
  } catch (error) {
    return failed([toCollectionError(spec.listOperation, error, spec.resource)]);
  }
  const errors: CollectionError[] = [];
  const described = await mapLimit(names, DESCRIBE_CONCURRENCY, async (name) => {
    try {
      const item = await spec.describe(name);
      if (item !== undefined) return item;
      errors.push({
        operation: spec.describeOperation,
        resource: spec.nameOf(name),
        code: 'EmptyResponse',
        message: 'the response has no item',
      });
    } catch (error) {
      errors.push(toCollectionError(spec.describeOperation, error, spec.nameOf(name)));
    }
    return undefined;
  });
  const items: T[] = [];
  for (const item of described) if (item !== undefined) items.push(item);
  if (names.length > 0 && items.length === 0) return failed(errors);
  return collected(items, [spec.listOperation, spec.describeOperation], errors);
}

/** Every item of an SDK paginator, flattened. */
export async function allPages<P, T>(
  pages: AsyncIterable<P>,
  itemsOf: (page: P) => T[] | undefined,
) {
  const out: T[] = [];
  for await (const page of pages) out.push(...(itemsOf(page) ?? []));
  return out;
}
