import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../fixture';

/**
 * A validator of OCSF events against the schema source copied in `test/fixtures/ocsf/`: it
 * resolves a class or object the way the OCSF server compiles it (follow `extends`, merge
 * `$include`d profiles, then merge every attribute with `dictionary.json`), and walks an event:
 * required attributes (those of a profile only when the event declares it), `at_least_one` /
 * `just_one` constraints, unknown attributes, primitive types, arrays and enum values, down into
 * every nested object.
 */

type Json = Record<string, unknown>;

interface AttrDef {
  requirement?: string;
  type: string;
  isArray: boolean;
  enumKeys?: Set<string>;
  /** The profile that brings the attribute; required only when the event applies it. */
  profile?: string;
}

interface TypeDef {
  name: string;
  attributes: Map<string, AttrDef>;
  constraints: { at_least_one?: string[]; just_one?: string[] };
}

const ROOT = fixturePath('ocsf');

function readJson(relative: string): Json {
  const file = join(ROOT, relative);
  if (!existsSync(file))
    throw new Error(`OCSF schema file ${relative} is not in test/fixtures/ocsf`);
  return JSON.parse(readFileSync(file, 'utf8')) as Json;
}

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const dictionary = readJson('dictionary.json');
const dictAttrs = dictionary['attributes'] as Record<string, Json>;
const dictTypes = (dictionary['types'] as Json)['attributes'] as Record<string, Json>;

/** Raw attribute maps merged key by key (child over parent), enums merged too. */
type RawAttrs = Record<string, Json>;

function mergeRaw(base: RawAttrs, over: RawAttrs): RawAttrs {
  const out: RawAttrs = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const prev = out[k] ?? {};
    const e1 = isRecord(prev['enum']) ? prev['enum'] : {};
    const e2 = isRecord(v['enum']) ? v['enum'] : {};
    out[k] = { ...prev, ...v, ...(prev['enum'] || v['enum'] ? { enum: { ...e1, ...e2 } } : {}) };
  }
  return out;
}

/** Own attributes of one schema file, with its `$include`d profiles tagged by profile name. */
function ownAttrs(file: Json): RawAttrs {
  const attrs = (file['attributes'] ?? {}) as Json;
  let out: RawAttrs = {};
  for (const inc of (attrs['$include'] ?? []) as string[]) {
    const included = readJson(inc);
    const profile = String(included['name']);
    const tagged: RawAttrs = {};
    for (const [k, v] of Object.entries(included['attributes'] as RawAttrs)) {
      tagged[k] = { ...v, profile };
    }
    out = mergeRaw(out, tagged);
  }
  const own: RawAttrs = {};
  for (const [k, v] of Object.entries(attrs)) if (k !== '$include') own[k] = v as Json;
  return mergeRaw(out, own);
}

function resolveChain(
  file: Json,
  locate: (name: string) => string,
): { attrs: RawAttrs; constraints: Json } {
  const parentName = file['extends'];
  const parent =
    typeof parentName === 'string'
      ? resolveChain(readJson(locate(parentName)), locate)
      : { attrs: {}, constraints: {} };
  return {
    attrs: mergeRaw(parent.attrs, ownAttrs(file)),
    constraints: { ...parent.constraints, ...((file['constraints'] ?? {}) as Json) },
  };
}

function compile(name: string, raw: { attrs: RawAttrs; constraints: Json }): TypeDef {
  const attributes = new Map<string, AttrDef>();
  for (const [k, classAttr] of Object.entries(raw.attrs)) {
    const dict = dictAttrs[k];
    if (!dict) throw new Error(`OCSF attribute ${k} of ${name} is not in dictionary.json`);
    const merged = mergeRaw({ [k]: dict }, { [k]: classAttr })[k] as Json;
    const def: AttrDef = {
      type: String(merged['type']),
      isArray: merged['is_array'] === true,
    };
    if (typeof merged['requirement'] === 'string') def.requirement = merged['requirement'];
    if (isRecord(merged['enum'])) def.enumKeys = new Set(Object.keys(merged['enum']));
    if (typeof merged['profile'] === 'string') def.profile = merged['profile'];
    attributes.set(k, def);
  }
  return { name, attributes, constraints: raw.constraints as TypeDef['constraints'] };
}

const objectCache = new Map<string, TypeDef>();

function objectDef(name: string): TypeDef {
  const cached = objectCache.get(name);
  if (cached) return cached;
  const def = compile(
    name,
    resolveChain(readJson(`objects/${name}.json`), (n) => `objects/${n}.json`),
  );
  objectCache.set(name, def);
  return def;
}

/** An event class from its file under `events/`, e.g. `findings/compliance_finding.json`. */
export function eventClass(relative: string): TypeDef {
  const dir = relative.includes('/') ? relative.slice(0, relative.lastIndexOf('/') + 1) : '';
  const locate = (n: string) =>
    existsSync(join(ROOT, 'events', dir, `${n}.json`))
      ? `events/${dir}${n}.json`
      : `events/${n}.json`;
  const file = readJson(`events/${relative}`);
  const raw = resolveChain(file, locate);
  return compile(String(file['name']), withClassIds(file, raw, locate));
}

/**
 * What the OCSF compiler adds to a class: `category_uid` and `class_uid` take the class's own
 * ids (category uid × 1000 + class uid), and `type_uid` one value per activity.
 */
function withClassIds(
  file: Json,
  raw: { attrs: RawAttrs; constraints: Json },
  locate: (name: string) => string,
): { attrs: RawAttrs; constraints: Json } {
  let categoryName = file['category'];
  for (let f = file; typeof categoryName !== 'string' && typeof f['extends'] === 'string'; ) {
    f = readJson(locate(f['extends']));
    categoryName = f['category'];
  }
  const categories = readJson('categories.json')['attributes'] as Record<string, Json>;
  const category = categories[String(categoryName)];
  if (!category || typeof file['uid'] !== 'number') return raw;
  const categoryUid = Number(category['uid']);
  const classUid = categoryUid * 1000 + file['uid'];
  const activities = Object.keys((raw.attrs['activity_id']?.['enum'] ?? {}) as Json);
  const one = (uid: number): Json => ({ [String(uid)]: { caption: String(uid) } });
  return {
    constraints: raw.constraints,
    attrs: mergeRaw(raw.attrs, {
      category_uid: { enum: one(categoryUid) },
      class_uid: { enum: one(classUid) },
      type_uid: {
        enum: Object.assign({}, ...activities.map((a) => one(classUid * 100 + Number(a)))),
      },
    }),
  };
}

/** The attributes an event must have, given the profiles it applies. */
export function requiredAttributes(def: TypeDef, profiles: readonly string[]): string[] {
  return [...def.attributes]
    .filter(([, a]) => a.requirement === 'required' && (!a.profile || profiles.includes(a.profile)))
    .map(([k]) => k)
    .sort();
}

function baseType(type: string): string {
  let t = type;
  for (let i = 0; i < 5; i++) {
    const next = dictTypes[t]?.['type'];
    if (typeof next !== 'string') return t;
    t = next;
  }
  return t;
}

function checkPrimitive(value: unknown, type: string, path: string, errors: string[]): void {
  const base = baseType(type);
  const ok =
    base === 'json_t'
      ? true
      : base === 'string_t'
        ? typeof value === 'string'
        : base === 'integer_t' || base === 'long_t'
          ? Number.isInteger(value)
          : base === 'float_t'
            ? typeof value === 'number'
            : base === 'boolean_t'
              ? typeof value === 'boolean'
              : base === 'object'
                ? isRecord(value)
                : false;
  if (!ok) errors.push(`${path}: expected ${type} (${base}), got ${JSON.stringify(value)}`);
}

function validateObject(
  value: unknown,
  def: TypeDef,
  path: string,
  profiles: readonly string[],
  errors: string[],
): void {
  if (!isRecord(value)) {
    errors.push(`${path}: expected a ${def.name} object, got ${JSON.stringify(value)}`);
    return;
  }
  for (const key of requiredAttributes(def, profiles)) {
    if (value[key] === undefined) errors.push(`${path}.${key}: required by ${def.name} is missing`);
  }
  const { at_least_one: atLeastOne, just_one: justOne } = def.constraints;
  if (atLeastOne && !atLeastOne.some((k) => value[k] !== undefined)) {
    errors.push(`${path}: ${def.name} needs at least one of ${atLeastOne.join(', ')}`);
  }
  if (justOne && justOne.filter((k) => value[k] !== undefined).length !== 1) {
    errors.push(`${path}: ${def.name} needs exactly one of ${justOne.join(', ')}`);
  }
  for (const [key, v] of Object.entries(value)) {
    const attr = def.attributes.get(key);
    const at = `${path}.${key}`;
    if (!attr) {
      errors.push(`${at}: ${def.name} has no attribute ${key}`);
      continue;
    }
    if (attr.isArray && !Array.isArray(v)) {
      errors.push(`${at}: expected an array of ${attr.type}`);
      continue;
    }
    const items: unknown[] = attr.isArray ? (v as unknown[]) : [v];
    items.forEach((item, i) => {
      const p = attr.isArray ? `${at}[${i}]` : at;
      if (attr.enumKeys && !attr.enumKeys.has(String(item))) {
        errors.push(`${p}: ${JSON.stringify(item)} is not in the enum of ${key}`);
      }
      if (dictTypes[attr.type] || attr.type === 'object')
        checkPrimitive(item, attr.type, p, errors);
      else validateObject(item, objectDef(attr.type), p, profiles, errors);
    });
  }
}

/** Every problem of `event` against the class; empty when it is valid. */
export function validateEvent(event: unknown, def: TypeDef): string[] {
  const errors: string[] = [];
  const meta = isRecord(event) ? event['metadata'] : undefined;
  const profiles =
    isRecord(meta) && Array.isArray(meta['profiles']) ? meta['profiles'].map(String) : [];
  validateObject(event, def, '$', profiles, errors);
  return errors;
}
