/**
 * A read-only view of a snapshot that checks its fields as a check reads them, so odd but
 * well-formed JSON (an export or a snapshot file edited by hand, an API answer of a shape the
 * SDK types do not allow) gives `unknown` naming the field instead of a wrong verdict or a crash:
 * - `null` reads as absent: the JSON of all three APIs means "unset" by it (proto3 JSON,
 *   ARM's optional properties, AWS's JSON protocols), and every check already decides what an
 *   absent field means.
 * - A field listed in the provider's shapes (`core/field-shapes-*.ts`: the kind of every field
 *   the checks read, as the APIs return it) that holds another kind of value throws
 *   `MalformedField` the moment it is read; run-checks turns that into `unknown`.
 * - Any other error is tied to the last field read, which names it.
 */

/** The JSON kinds a field can hold. */
export type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';

/**
 * The kinds each field may hold, by path: `cluster.health.issues`, with `[]` for any index of a
 * list (`parts.nodegroups.value[].health.issues[].code`).
 */
export type FieldShapes = Readonly<Record<string, readonly Kind[]>>;

export function kindOf(value: unknown): Kind | 'null' | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return typeof value as Kind | 'undefined';
    default:
      return 'object';
  }
}

/** A value in a few words for messages: `null`, `an empty list`, `the number 5`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  return `the ${typeof value} ${String(value)}`;
}

const KIND_WORDS: Record<Kind, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  array: 'a list',
  object: 'an object',
};

/** A field whose value is not of a kind the API returns there. */
export class MalformedField extends Error {
  override readonly name = 'MalformedField';
  constructor(
    readonly path: string,
    readonly expected: readonly Kind[],
    readonly value: unknown,
  ) {
    super(
      `${path} holds ${describeValue(value)} where the API returns ${expected.map((k) => KIND_WORDS[k]).join(' or ')}`,
    );
  }
}

/**
 * A number may come as a numeric string: proto3 JSON writes 64-bit integers as strings and its
 * parsers accept both. A string never comes as a number.
 */
function fits(value: unknown, expected: readonly Kind[]): boolean {
  const kind = kindOf(value);
  if (kind === 'undefined') return true;
  if (kind === 'null') return false;
  if (expected.includes(kind)) return true;
  return expected.includes('number') && typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value);
}

/** What a view tells after a check ran on it. */
export interface GuardedView<T> {
  value: T;
  /** The last field read (path and raw value), for an error that names no field itself. */
  lastRead(): { path: string; value: unknown } | undefined;
  /** Forgets the last field read (before the next check runs on the same view). */
  forget(): void;
  /** A value with every view inside it replaced by the raw object (for evidence). */
  unwrap(value: unknown): unknown;
}

/** Options of a view: the shapes checked, and a hook that sees every field read. */
export interface ViewOptions {
  shapes: FieldShapes;
  onRead?(shapePath: string, value: unknown): void;
}

const INDEX = /^(0|[1-9]\d*)$/;

export function guardedView<T extends object>(root: T, options: ViewOptions): GuardedView<T> {
  const views = new Map<string, object>();
  const raw = new WeakMap<object, object>();
  let last: { path: string; value: unknown } | undefined;

  const view = (target: object, path: string, shapePath: string): object => {
    const known = views.get(path);
    if (known !== undefined && raw.get(known) === target) return known;
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        const isList = Array.isArray(t);
        // Methods and `length` are not fields; a field the object lacks is read as absent.
        const field = isList ? INDEX.test(String(key)) : Object.hasOwn(t, key) || !(key in t);
        if (typeof key === 'symbol' || !field) return Reflect.get(t, key, receiver);
        const childPath = isList ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
        const childShape = isList
          ? `${shapePath}[]`
          : shapePath === ''
            ? key
            : `${shapePath}.${key}`;
        const value: unknown = Reflect.get(t, key);
        last = { path: childPath, value };
        options.onRead?.(childShape, value);
        const expected = options.shapes[childShape];
        // A null property is unset; a null list element is not a value of any list the APIs return.
        if (value === null && !isList) return undefined;
        if (expected !== undefined && !fits(value, expected)) {
          throw new MalformedField(childPath, expected, value);
        }
        return typeof value === 'object' && value !== null
          ? view(value, childPath, childShape)
          : value;
      },
    });
    views.set(path, proxy);
    raw.set(proxy, target);
    return proxy;
  };

  const unwrap = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const target = raw.get(value);
    if (target !== undefined) return target;
    if (Array.isArray(value)) return value.map(unwrap);
    if (Object.getPrototypeOf(value) !== Object.prototype) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrap(v)]));
  };

  return {
    value: view(root, '', '') as T,
    lastRead: () => last,
    forget: () => {
      last = undefined;
    },
    unwrap,
  };
}
