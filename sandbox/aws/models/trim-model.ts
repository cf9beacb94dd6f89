/**
 * Copies an official AWS service model (botocore `service-2.json`) into this folder, keeping the
 * listed operations and every shape they reach, unchanged, and dropping documentation strings.
 * Run it again with a longer operation list when a route needs a new operation:
 *
 *   npx tsx sandbox/aws/models/trim-model.ts <path/to/service-2.json> <out.json> [Op1,Op2,...]
 *
 * With no operation list every operation is kept (only documentation is dropped).
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function withoutDocs(value: Json): Json {
  if (Array.isArray(value)) return value.map(withoutDocs);
  if (value && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'documentation' || k === 'documentationUrl') continue;
      out[k] = withoutDocs(v);
    }
    return out;
  }
  return value;
}

function shapeRefs(shape: Json): string[] {
  const refs: string[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const s = v['shape'];
      if (typeof s === 'string') refs.push(s);
      Object.values(v).forEach(visit);
    }
  };
  visit(shape);
  return refs;
}

function main(): void {
  const [input, output, opList] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: trim-model.ts <service-2.json> <out.json> [ops]');
  const model = JSON.parse(readFileSync(input, 'utf8')) as { [key: string]: Json };
  const operations = model['operations'] as { [key: string]: Json };
  const shapes = model['shapes'] as { [key: string]: Json };
  const keepOps = opList ? opList.split(',') : Object.keys(operations);
  const ops: { [key: string]: Json } = {};
  const seen = new Set<string>();
  const queue: string[] = [];
  for (const name of keepOps) {
    const op = operations[name];
    if (op === undefined) throw new Error(`operation ${name} is not in ${input}`);
    ops[name] = op;
    queue.push(...shapeRefs(op));
  }
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    const shape = shapes[name];
    if (shape === undefined) throw new Error(`shape ${name} is not in ${input}`);
    queue.push(...shapeRefs(shape));
  }
  const kept: { [key: string]: Json } = {};
  for (const name of [...seen].sort()) kept[name] = shapes[name] as Json;
  const out = withoutDocs({
    version: model['version'] ?? null,
    metadata: model['metadata'] ?? null,
    operations: ops,
    shapes: kept,
  });
  writeFileSync(output, `${JSON.stringify(out)}\n`);
  console.log(`${output}: ${Object.keys(ops).length} operations, ${seen.size} shapes`);
}

main();
