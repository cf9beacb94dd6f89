import type { MemberRef, ServiceModel, Shape } from './model';

/**
 * Validates a JSON value against a shape of an AWS service model, the way the service's own
 * request validation does: required members, types, enums, patterns, min/max of strings,
 * lists, maps and numbers, and unknown members. Messages follow the service's JSON-schema
 * wording (`data.Resources[0].Type should NOT be longer than 256 characters`).
 *
 * Some services (Security Hub) state limits only in the member documentation ("Length
 * Constraints: Minimum length of 1. Maximum length of 256.", "Array Members: Maximum number of
 * 32 items.", "up to 50 key-value pairs"); those are read from the model's documentation too.
 */

interface Limits {
  min?: number;
  max?: number;
  /** Maps: the longest key and value. */
  keyMax?: number;
  valueMax?: number;
}

function documentedLimits(shape: Shape, ref: MemberRef & { documentation?: string }): Limits {
  const doc = (ref.documentation ?? '').replace(/<[^>]+>/g, '');
  const num = (re: RegExp): number | undefined => {
    const m = re.exec(doc);
    return m ? Number(m[1]) : undefined;
  };
  const limits: Limits = {};
  const set = (key: keyof Limits, v: number | undefined): void => {
    if (v !== undefined) limits[key] = v;
  };
  if (shape.type === 'string' && doc.includes('Length Constraints')) {
    const exact = num(/Length Constraints: (\d+)\./);
    set('min', exact ?? num(/Minimum (?:length )?of (\d+)/));
    set('max', exact ?? num(/Maximum (?:length )?of (\d+)/));
  } else if (shape.type === 'list' && doc.includes('Array Members')) {
    set('min', num(/Minimum number of (\d+) items?/));
    set('max', num(/Maximum number of (\d+) items?/));
  } else if (shape.type === 'map' && doc.includes('key-value pairs')) {
    set('max', num(/up to (\d+) key-value pairs/));
    set('keyMax', num(/key can contain up to (\d+) characters/));
    set('valueMax', num(/value can contain up to (\d+) characters/));
  }
  return limits;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const patterns = new Map<string, RegExp | null>();
function compiled(pattern: string): RegExp | null {
  if (!patterns.has(pattern)) {
    try {
      patterns.set(pattern, new RegExp(pattern, 'u'));
    } catch {
      patterns.set(pattern, null); // a pattern JavaScript cannot compile is not checked
    }
  }
  return patterns.get(pattern) ?? null;
}

export class ModelValidator {
  readonly errors: string[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly maxErrors = 20,
  ) {}

  #fail(path: string, message: string): void {
    if (this.errors.length < this.maxErrors) this.errors.push(`${path} ${message}`);
  }

  /** Validates `value` as `shapeName` at `path`; `ref` carries documented limits. */
  check(shapeName: string, value: unknown, path: string, ref?: MemberRef): void {
    const shape = this.model.shapes[shapeName];
    if (!shape) return;
    const doc = ref ? documentedLimits(shape, ref) : {};
    const min = Math.max(shape.min ?? 0, doc.min ?? 0);
    const max = Math.min(
      shape.max ?? Number.POSITIVE_INFINITY,
      doc.max ?? Number.POSITIVE_INFINITY,
    );
    switch (shape.type) {
      case 'structure':
        this.#structure(shape, value, path);
        return;
      case 'list': {
        if (!Array.isArray(value)) {
          this.#fail(path, 'should be array');
          return;
        }
        if (value.length < min) this.#fail(path, `should NOT have fewer than ${min} items`);
        if (value.length > max) this.#fail(path, `should NOT have more than ${max} items`);
        const member = shape.member;
        if (member) {
          for (const [i, v] of value.entries())
            this.check(member.shape, v, `${path}[${i}]`, member);
        }
        return;
      }
      case 'map': {
        if (!isRecord(value)) {
          this.#fail(path, 'should be object');
          return;
        }
        const entries = Object.entries(value);
        if (entries.length > max) this.#fail(path, `should NOT have more than ${max} properties`);
        for (const [k, v] of entries) {
          if (doc.keyMax !== undefined && k.length > doc.keyMax) {
            this.#fail(`${path}['${k}']`, `key should NOT be longer than ${doc.keyMax} characters`);
          }
          if (shape.key) this.check(shape.key.shape, k, `${path}['${k}'] (key)`);
          if (doc.valueMax !== undefined && typeof v === 'string' && v.length > doc.valueMax) {
            this.#fail(`${path}['${k}']`, `should NOT be longer than ${doc.valueMax} characters`);
          }
          if (shape.value) this.check(shape.value.shape, v, `${path}['${k}']`);
        }
        return;
      }
      case 'string': {
        if (typeof value !== 'string') {
          this.#fail(path, 'should be string');
          return;
        }
        if (shape.enum && !shape.enum.includes(value)) {
          this.#fail(path, 'should be equal to one of the allowed values');
          return;
        }
        if (value.length < min) this.#fail(path, `should NOT be shorter than ${min} characters`);
        if (value.length > max) this.#fail(path, `should NOT be longer than ${max} characters`);
        const re = shape.pattern ? compiled(shape.pattern) : null;
        if (re && !re.test(value)) this.#fail(path, `should match pattern "${shape.pattern}"`);
        return;
      }
      case 'integer':
      case 'long':
      case 'double':
      case 'float': {
        const integral = shape.type === 'integer' || shape.type === 'long';
        if (typeof value !== 'number' || (integral && !Number.isInteger(value))) {
          this.#fail(path, integral ? 'should be integer' : 'should be number');
          return;
        }
        if (shape.min !== undefined && value < shape.min)
          this.#fail(path, `should be >= ${shape.min}`);
        if (shape.max !== undefined && value > shape.max)
          this.#fail(path, `should be <= ${shape.max}`);
        return;
      }
      case 'boolean':
        if (typeof value !== 'boolean') this.#fail(path, 'should be boolean');
        return;
      case 'timestamp':
        if (typeof value === 'number') return;
        if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
          this.#fail(path, 'should match format "date-time"');
        }
        return;
      default:
        return; // blob, document: any JSON
    }
  }

  #structure(shape: Shape, value: unknown, path: string): void {
    if (!isRecord(value)) {
      this.#fail(path, 'should be object');
      return;
    }
    for (const name of shape.required ?? []) {
      if (value[name] === undefined || value[name] === null) {
        this.#fail(path, `should have required property '${name}'`);
      }
    }
    const members = shape.members ?? {};
    for (const [name, v] of Object.entries(value)) {
      const ref = members[name];
      if (!ref) {
        this.#fail(path, `should NOT have additional properties ('${name}')`);
        continue;
      }
      if (v === undefined || v === null) continue;
      this.check(ref.shape, v, `${path}.${name}`, ref);
    }
  }
}
