/**
 * An SDK type as it travels in JSON: `Date` fields become ISO-8601 strings.
 * Snapshots hold API objects in this form so that a snapshot read back from S3 or a file
 * has exactly the type the collector wrote.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

/** Deep-copies an SDK object into its JSON form (Dates become ISO strings). */
export function toWire<T>(value: T): Wire<T> {
  return JSON.parse(JSON.stringify(value)) as Wire<T>;
}

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };
