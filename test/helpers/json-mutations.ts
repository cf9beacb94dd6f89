import fc from 'fast-check';

/** A path into a JSON value: object keys and array indexes. */
export type JsonPath = (string | number)[];

/** Every path of a JSON value, the root (`[]`) included. */
export function jsonPaths(value: unknown, prefix: JsonPath = [], out: JsonPath[] = []): JsonPath[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) jsonPaths(v, [...prefix, i], out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) jsonPaths(v, [...prefix, k], out);
  }
  return out;
}

const REMOVE = Symbol('remove');

/** A deep copy of `base` with the value at `path` replaced, or removed. */
export function withValueAt(base: unknown, path: JsonPath, replacement: unknown): unknown {
  if (path.length === 0) return replacement === REMOVE ? null : replacement;
  const copy: unknown = structuredClone(base);
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (replacement !== REMOVE) parent[last] = replacement;
  else if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return copy;
}

/** Values that break readers most often: wrong types, empties, huge and odd strings. */
const awkward = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, 1.5, true, [], {}, 'x'.repeat(5000), '\u0000', '__proto__'),
  fc.constant(REMOVE),
);

/**
 * `base` (a real, valid input) with one to three of its values replaced by arbitrary JSON or
 * removed: inputs that keep enough of the right shape to reach the reader's deeper code.
 */
export function mutatedJson(base: unknown): fc.Arbitrary<unknown> {
  return fc.array(fc.tuple(fc.nat(), awkward), { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce<unknown>((value, [n, replacement]) => {
      const live = jsonPaths(value);
      const path = live[n % live.length];
      return path === undefined ? value : withValueAt(value, path, replacement);
    }, base),
  );
}

/**
 * Runs a reader: its result, or `undefined` after checking that it threw the reader's own error
 * class with a message that names `source` and says more than that.
 */
export function readOrNamedError<T>(
  read: () => T,
  errorClass: new (...args: never[]) => Error,
  source: string,
): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof errorClass)) {
      throw new Error(
        `expected a ${errorClass.name} or a result, got ${(error as Error)?.name}: ${(error as Error)?.message}`,
      );
    }
    if (!error.message.includes(source) || error.message.length < source.length + 10) {
      throw new Error(`the error does not name ${source} and the problem: ${error.message}`);
    }
    return undefined;
  }
}
