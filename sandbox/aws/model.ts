import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A member reference inside a botocore service model. */
export interface MemberRef {
  shape: string;
  location?: string;
  locationName?: string;
  queryName?: string;
  flattened?: boolean;
  jsonvalue?: boolean;
}

/** One shape of a botocore service model (only the traits the sandbox reads). */
export interface Shape {
  type: string;
  members?: Record<string, MemberRef>;
  required?: string[];
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  enum?: string[];
  min?: number;
  max?: number;
  pattern?: string;
  flattened?: boolean;
  timestampFormat?: string;
  exception?: boolean;
  error?: { code?: string; httpStatusCode?: number; senderFault?: boolean };
}

export interface Operation {
  name: string;
  http?: { method: string; requestUri: string };
  input?: { shape: string };
  output?: { shape: string; resultWrapper?: string };
}

export interface ServiceModel {
  metadata: {
    protocol: string;
    apiVersion: string;
    xmlNamespace?: string;
    targetPrefix?: string;
    jsonVersion?: string;
  };
  operations: Record<string, Operation>;
  shapes: Record<string, Shape>;
}

const MODELS_DIR = join(import.meta.dirname, 'models');
const cache = new Map<string, ServiceModel>();

/**
 * The official model of an AWS service as copied into `sandbox/aws/models` (see PROVENANCE.md
 * there): `eks`, `iam`, `sts`, `organizations`, `ec2`, `securityhub`.
 */
export function loadModel(service: string): ServiceModel {
  const cached = cache.get(service);
  if (cached) return cached;
  const file =
    service === 'securityhub'
      ? join(MODELS_DIR, 'securityhub', 'service-2.json')
      : join(MODELS_DIR, `${service}.json`);
  const model = JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;
  cache.set(service, model);
  return model;
}

export function shapeOf(model: ServiceModel, name: string): Shape {
  const shape = model.shapes[name];
  if (!shape) throw new Error(`shape ${name} is not in the ${model.metadata.apiVersion} model`);
  return shape;
}

export function operationOf(model: ServiceModel, name: string): Operation {
  const op = model.operations[name];
  if (!op) throw new Error(`operation ${name} is not in the model`);
  return op;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Seconds since the epoch, as JSON protocols send timestamps. */
function epochSeconds(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? value : ms / 1000;
  }
  return value;
}

/**
 * A value written in the CLI's JSON form (ISO timestamps) turned into what a JSON-protocol
 * service sends: timestamps as epoch seconds, members under their wire names. Members the model does not know are kept, as a
 * newer service would send them and the SDK ignores them.
 */
export function toJsonWire(model: ServiceModel, shapeName: string, value: unknown): unknown {
  const shape = shapeOf(model, shapeName);
  switch (shape.type) {
    case 'timestamp':
      return epochSeconds(value);
    case 'structure': {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        const ref = shape.members?.[key];
        if (ref?.location) continue; // headers, URI and query members are not in the body
        // rest-json bodies use the member's `locationName` (GuardDuty: `DetectorIds` → `detectorIds`).
        out[ref?.locationName ?? key] = ref ? toJsonWire(model, ref.shape, v) : v;
      }
      return out;
    }
    case 'list':
      return Array.isArray(value) && shape.member
        ? value.map((v) => toJsonWire(model, (shape.member as MemberRef).shape, v))
        : value;
    case 'map': {
      if (!isRecord(value) || !shape.value) return value;
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value))
        out[key] = toJsonWire(model, shape.value.shape, v);
      return out;
    }
    default:
      return value;
  }
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function scalarText(shape: Shape, value: unknown): string {
  if (shape.type === 'timestamp') {
    const ms =
      typeof value === 'number' ? value * 1000 : Date.parse(String(value as string | number));
    return Number.isNaN(ms) ? String(value) : new Date(ms).toISOString();
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** XML elements for one value of a shape (query and ec2 protocols). */
function xmlValue(model: ServiceModel, shapeName: string, value: unknown): string {
  const shape = shapeOf(model, shapeName);
  if (value === undefined || value === null) return '';
  switch (shape.type) {
    case 'structure':
      return isRecord(value) ? xmlMembers(model, shape, value) : '';
    case 'list':
    case 'map':
      throw new Error(`${shapeName}: lists and maps are written by their member`);
    default:
      return escapeXml(scalarText(shape, value));
  }
}

function xmlMember(model: ServiceModel, name: string, ref: MemberRef, value: unknown): string {
  const shape = shapeOf(model, ref.shape);
  const tag = ref.locationName ?? name;
  if (shape.type === 'list') {
    if (!Array.isArray(value) || !shape.member) return '';
    const itemRef = shape.member;
    if (shape.flattened || ref.flattened) {
      return value
        .map(
          (v) =>
            `<${itemRef.locationName ?? tag}>${xmlValue(model, itemRef.shape, v)}</${itemRef.locationName ?? tag}>`,
        )
        .join('');
    }
    const itemTag = itemRef.locationName ?? 'member';
    const items = value
      .map((v) => `<${itemTag}>${xmlValue(model, itemRef.shape, v)}</${itemTag}>`)
      .join('');
    return `<${tag}>${items}</${tag}>`;
  }
  if (shape.type === 'map') {
    if (!isRecord(value) || !shape.key || !shape.value) return '';
    const k = shape.key.locationName ?? 'key';
    const v = shape.value.locationName ?? 'value';
    const valueShape = shape.value.shape;
    const entries = Object.entries(value)
      .map(
        ([key, val]) =>
          `<entry><${k}>${escapeXml(key)}</${k}><${v}>${xmlValue(model, valueShape, val)}</${v}></entry>`,
      )
      .join('');
    return `<${tag}>${entries}</${tag}>`;
  }
  return `<${tag}>${xmlValue(model, ref.shape, value)}</${tag}>`;
}

function xmlMembers(model: ServiceModel, shape: Shape, value: Record<string, unknown>): string {
  let out = '';
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const v = value[name];
    if (v === undefined || v === null) continue;
    out += xmlMember(model, name, ref, v);
  }
  return out;
}

/**
 * The XML response of a query-protocol (IAM, STS) or ec2-protocol operation, from its output
 * written in the CLI's JSON form. Members are written in model order, lists as `<member>`
 * (query) or by the model's `locationName` (`<item>` in EC2).
 */
export function toXmlResponse(
  model: ServiceModel,
  operation: string,
  output: Record<string, unknown>,
  requestId: string,
): string {
  const op = operationOf(model, operation);
  const ns = model.metadata.xmlNamespace ?? '';
  const xmlns = ns.endsWith('/') ? ns : `${ns}/`;
  const body = op.output ? xmlMembers(model, shapeOf(model, op.output.shape), output) : '';
  if (model.metadata.protocol === 'ec2') {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${operation}Response xmlns="${xmlns}"><requestId>${requestId}</requestId>${body}</${operation}Response>`;
  }
  const wrapper = op.output?.resultWrapper ?? `${operation}Result`;
  return `<${operation}Response xmlns="${xmlns}"><${wrapper}>${body}</${wrapper}><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`;
}
