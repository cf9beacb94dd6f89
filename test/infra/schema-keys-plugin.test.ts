import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { rewriteSchemaKeys, schemaKeysPlugin } from '../../infra/bundling/schema-keys-plugin';

const require = createRequire(import.meta.url);

/** The schema module of an installed AWS SDK client. */
function schemaModule(client: string): string {
  const pkg = require.resolve(`@aws-sdk/${client}/package.json`);
  return join(dirname(pkg), 'dist-es', 'schemas', 'schemas_0.js');
}

/**
 * Structural equality of two schema graphs: thunks (`() => X$`) are followed, classes (error
 * types) compare by name, cycles end at pairs already being compared.
 */
function sameSchema(a: unknown, b: unknown, seen = new Map<unknown, unknown>()): boolean {
  if (typeof a === 'function' && typeof b === 'function') {
    if (a.length === 0 && !('prototype' in a) && !('prototype' in b)) {
      return sameSchema((a as () => unknown)(), (b as () => unknown)(), seen);
    }
    return a.name === b.name;
  }
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null) return a === b;
  if (seen.get(a) === b) return true;
  seen.set(a, b);
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length || Array.isArray(a) !== Array.isArray(b)) return false;
  return ka.every(
    (k) =>
      kb.includes(k) &&
      sameSchema((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], seen),
  );
}

describe('AWS SDK schema keys rewrite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk8s-schema-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces computed keys of string constants only', () => {
    const source = [
      'const _xN = "xmlName";',
      'const _n = 3;',
      'export var A$ = [3, n0, _A, 0, [_M], [[0, { [_xN]: _m, [_n]: 1, [_other]: 2 }]]];',
    ].join('\n');
    expect(rewriteSchemaKeys(source)).toContain('{ "xmlName": _m, [_n]: 1, [_other]: 2 }');
  });

  it.each(['client-ec2', 'client-securityhub'])(
    '%s: the rewritten schemas equal the published ones, and unused shapes are dropped',
    async (client) => {
      const entry = schemaModule(client);
      const bundles: Record<string, Record<string, unknown>> = {};
      for (const [name, plugins] of [
        ['published', []],
        ['rewritten', [schemaKeysPlugin]],
      ] as const) {
        const outfile = join(dir, `${client}-${name}.mjs`);
        await build({
          entryPoints: [entry],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'esm',
          plugins: [...plugins],
          logLevel: 'error',
        });
        bundles[name] = (await import(pathToFileURL(outfile).href)) as Record<string, unknown>;
      }
      const published = bundles['published'] ?? {};
      const rewritten = bundles['rewritten'] ?? {};
      const names = Object.keys(published).filter((k) => k.endsWith('$'));
      expect(names.length).toBeGreaterThan(100);
      expect(Object.keys(rewritten).sort()).toEqual(Object.keys(published).sort());
      const different = names.filter((k) => !sameSchema(published[k], rewritten[k]));
      expect(different).toEqual([]);

      // One operation alone: with the rewrite, the shapes it does not reach are gone.
      const op = names.find((k) => k.startsWith('Describe') || k.startsWith('BatchImport'));
      const sizes: number[] = [];
      for (const plugins of [[], [schemaKeysPlugin]]) {
        const out = await build({
          stdin: { contents: `export { ${op} } from ${JSON.stringify(entry)};`, resolveDir: dir },
          bundle: true,
          platform: 'node',
          format: 'esm',
          minify: true,
          write: false,
          plugins,
          logLevel: 'error',
        });
        sizes.push(out.outputFiles[0]?.contents.length ?? 0);
      }
      const [before = 0, after = 0] = sizes;
      expect(after).toBeLessThan(before);
    },
    60_000,
  );
});
