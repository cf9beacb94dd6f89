/** A Smithy/botocore JSON shape, as in a service model's `shapes` map (documentation removed). */
export interface ModelShape {
  type: string;
  required?: string[];
  members?: Record<string, { shape: string }>;
  member?: { shape: string };
  key?: { shape: string };
  value?: { shape: string };
  enum?: string[];
  pattern?: string;
  min?: number;
  max?: number;
}

/**
 * Checks a value against a shape of a service model: required members, unknown members, types,
 * enums, patterns and list/string limits. Returns one line per problem, with the value's path.
 */
export function validateShape(
  shapes: Record<string, ModelShape>,
  shapeName: string,
  value: unknown,
  path = '',
): string[] {
  const shape = shapes[shapeName];
  if (!shape) return [`${path}: shape ${shapeName} is not in the model`];
  const at = (p: string) => (path ? `${path}.${p}` : p);
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        return [`${path}: expected an object (${shapeName})`];
      }
      const obj = value as Record<string, unknown>;
      const errors = (shape.required ?? [])
        .filter((m) => obj[m] === undefined)
        .map((m) => `${at(m)}: required by ${shapeName}`);
      for (const [k, v] of Object.entries(obj)) {
        if (v === undefined) continue;
        const member = shape.members?.[k];
        if (!member) errors.push(`${at(k)}: not a member of ${shapeName}`);
        else errors.push(...validateShape(shapes, member.shape, v, at(k)));
      }
      return errors;
    }
    case 'list': {
      if (!Array.isArray(value)) return [`${path}: expected a list (${shapeName})`];
      const errors: string[] = [];
      if (shape.min !== undefined && value.length < shape.min)
        errors.push(`${path}: fewer than ${shape.min} items`);
      if (shape.max !== undefined && value.length > shape.max)
        errors.push(`${path}: more than ${shape.max} items`);
      value.forEach((v, i) => {
        errors.push(...validateShape(shapes, shape.member?.shape ?? '', v, `${path}[${i}]`));
      });
      return errors;
    }
    case 'map': {
      if (typeof value !== 'object' || value === null)
        return [`${path}: expected a map (${shapeName})`];
      return Object.entries(value).flatMap(([k, v]) => [
        ...validateShape(shapes, shape.key?.shape ?? '', k, `${path}{key ${k}}`),
        ...validateShape(shapes, shape.value?.shape ?? '', v, at(k)),
      ]);
    }
    case 'string': {
      if (typeof value !== 'string') return [`${path}: expected a string (${shapeName})`];
      const errors: string[] = [];
      if (shape.enum && !shape.enum.includes(value))
        errors.push(`${path}: ${value} is not one of ${shape.enum.join(', ')}`);
      if (shape.pattern && !new RegExp(shape.pattern, 'u').test(value))
        errors.push(`${path}: does not match ${shape.pattern}`);
      if (shape.min !== undefined && value.length < shape.min)
        errors.push(`${path}: shorter than ${shape.min}`);
      if (shape.max !== undefined && value.length > shape.max)
        errors.push(`${path}: longer than ${shape.max}`);
      return errors;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'integer':
    case 'long':
      return Number.isInteger(value) ? [] : [`${path}: expected an integer`];
    case 'double':
      return typeof value === 'number' ? [] : [`${path}: expected a number`];
    default:
      return [`${path}: shape type ${shape.type} is not handled`];
  }
}
