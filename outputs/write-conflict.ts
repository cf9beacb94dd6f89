/**
 * A conditional write lost: the object changed (or appeared, or vanished) since it was read,
 * because another writer (an overlapping run) got there first. Nothing was written.
 */
export class WriteConflictError extends Error {
  override readonly name = 'WriteConflictError';
  constructor(
    readonly key: string,
    readonly expected: string | null,
    detail: string,
  ) {
    super(
      `${key} was changed by another writer since it was read (${expected === null ? 'it did not exist' : `expected version ${expected}`}): ${detail}`,
    );
  }
}
