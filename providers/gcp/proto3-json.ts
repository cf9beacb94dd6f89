import { createRequire } from 'node:module';
import { protobuf } from 'google-gax';

/**
 * The GKE client (REST fallback) decodes responses with every default filled in (`false`, `""`,
 * `0`, enum zero names, `null` messages). Snapshots keep the API's own proto3 JSON, where those
 * defaults are omitted, so a collected Cluster has exactly the shape of an exported one. This
 * walks the value with the message's descriptor and drops what proto3 JSON would not write:
 * default scalars and enums, null messages, empty lists and maps. Fields with explicit presence
 * (`optional`, marked by the client's `_field` oneof) keep their value even when it is false.
 */
const require = createRequire(import.meta.url);
let root: protobuf.Root | undefined;

function container(): protobuf.Root {
  root ??= protobuf.Root.fromJSON(require('@google-cloud/container/build/protos/protos.json'));
  return root;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function isDefaultScalar(field: protobuf.Field, value: unknown): boolean {
  if (field.resolvedType instanceof protobuf.Enum) {
    return value === undefined || field.resolvedType.values[String(value)] === 0 || value === 0;
  }
  return value === false || value === 0 || value === '' || value === '0' || value === undefined;
}

/** Well-known types (Timestamp, Duration, Struct...) have their own JSON forms. */
function wellKnown(type: protobuf.Type, value: Json): unknown {
  const { serializer } = require('google-gax') as typeof import('google-gax');
  return serializer.toProto3JSON(type.fromObject(value) as never);
}

function convertValue(field: protobuf.Field, value: unknown): unknown {
  const type = field.resolvedType;
  if (type instanceof protobuf.Type) {
    if (!isObject(value)) return undefined;
    return type.fullName.startsWith('.google.protobuf.')
      ? wellKnown(type, value)
      : convertMessage(type, value);
  }
  return value;
}

function convertMessage(type: protobuf.Type, value: Json): Json {
  const out: Json = {};
  for (const field of type.fieldsArray) {
    const v = value[field.name];
    if (v === null || v === undefined) continue;
    if (field.repeated) {
      if (!Array.isArray(v) || v.length === 0) continue;
      out[field.name] = v.map((item) => convertValue(field, item));
      continue;
    }
    if (field instanceof protobuf.MapField) {
      if (!isObject(v) || Object.keys(v).length === 0) continue;
      out[field.name] = Object.fromEntries(
        Object.entries(v).map(([k, item]) => [k, convertValue(field, item)]),
      );
      continue;
    }
    if (field.resolvedType instanceof protobuf.Type) {
      const m = convertValue(field, v);
      if (m !== undefined) out[field.name] = m;
      continue;
    }
    // proto3 `optional`: the client names the set member in the synthetic oneof `_<field>`.
    const present =
      field.partOf?.name === `_${field.name}` && value[`_${field.name}`] === field.name;
    if (present || !isDefaultScalar(field, v)) out[field.name] = v;
  }
  return out;
}

/** A decoded message of `google.container.v1.<name>` back in proto3 JSON. */
export function containerProto3Json<T>(name: string, value: unknown): T {
  const type = container().lookupType(`google.container.v1.${name}`);
  type.resolveAll();
  return (isObject(value) ? convertMessage(type, value) : {}) as T;
}
