import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_FILE, lambdaBuildOptions } from '../../../infra/bundling/build-options';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'source-mapped-stacks');
/** The source that throws: line 2 `throw new Error(…)`, line 5 `collect` and its arrow. */
const THROWER = join(FIXTURES, 'thrower.ts');

/**
 * Runs in a fresh Node process (no --enable-source-maps, no map of its own): imports a bundle,
 * then formats pairs of errors thrown from one place, the first with Node's own formatting
 * (the Error.prepareStackTrace it starts with) and the second with whatever the bundle installed.
 */
const PROBE = `
import { readFileSync, renameSync } from 'node:fs';
const [bundle, scenario] = process.argv.slice(2);
// A hook installed earlier that hands back to whatever Error.prepareStackTrace is then.
if (scenario === 'delegating-hook-first') Error.prepareStackTrace = (e, s) => Error.prepareStackTrace(e, s);
const nodeOwn = Error.prepareStackTrace;
const m = await import(new URL('file://' + bundle).href);
const hook = Error.prepareStackTrace;
const caught = (f) => { try { f(); } catch (e) { return e; } };
const fromBundle = () => caught(() => m.collect(['a']));
const fromNode = () => caught(() => Buffer.alloc(-1));
const fromFs = () => caught(() => readFileSync('/nonexistent/mk8s-audit'));
// Nothing of the map may have been read on import: with it gone now, stacks stay unmapped.
if (scenario === 'map-moved-after-import') renameSync(bundle + '.map', bundle + '.map.moved');
const pair = (make) => {
  const [first, second] = [0, 1].map(() => make());
  // (The delegating hook alone would loop: it is only ever called through the installed one.)
  Error.prepareStackTrace = scenario === 'delegating-hook-first' ? hook : nodeOwn;
  const plain = first.stack;
  Error.prepareStackTrace = hook;
  return { plain, stack: second.stack };
};
const out = {
  installed: hook !== nodeOwn,
  bundle: pair(fromBundle),
  node: pair(fromNode),
  fs: pair(fromFs),
};
// A map is read once: a later stack is mapped from the cache even with the file gone.
if (scenario === 'map-moved-after-first-stack') {
  renameSync(bundle + '.map', bundle + '.map.moved');
  out.later = fromBundle().stack;
}
// What the functions log: Powertools reads error.stack (nothing has formatted this one yet).
new m.Logger({ serviceName: 'stacks' }).error('collection failed', fromBundle());
process.stdout.write(JSON.stringify(out));
`;

interface Pair {
  plain: string;
  stack: string;
}
interface ProbeOutput {
  installed: boolean;
  bundle: Pair;
  node: Pair;
  fs: Pair;
  later?: string;
  logged: { error: { name: string; location: string; message: string; stack: string } };
}

describe('source-mapped stack traces, resolved when a stack is formatted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk8s-stacks-'));
  const probe = join(dir, 'probe.mjs');
  const bundles = {
    with: join(dir, 'with', BUNDLE_FILE),
    without: join(dir, 'without', BUNDLE_FILE),
  };

  beforeAll(async () => {
    writeFileSync(probe, PROBE);
    for (const name of ['with', 'without'] as const) {
      mkdirSync(join(dir, name));
      await build(lambdaBuildOptions(join(FIXTURES, `${name}-installer.ts`), join(dir, name)));
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A copy of a built bundle folder, whose map a test may change. */
  function copyOf(name: keyof typeof bundles, copy: string): string {
    const from = join(dir, name);
    const to = join(dir, copy);
    mkdirSync(to);
    for (const file of readdirSync(from)) {
      writeFileSync(join(to, file), readFileSync(join(from, file)));
    }
    return join(to, BUNDLE_FILE);
  }

  function run(bundle: string, scenario = ''): ProbeOutput {
    const out = spawnSync(process.execPath, [probe, bundle, scenario], {
      encoding: 'utf8',
      // Only what the probe needs: no NODE_OPTIONS (so no --enable-source-maps) from the runner.
      env: { PATH: process.env['PATH'] ?? '', POWERTOOLS_SERVICE_NAME: 'stacks' },
    });
    expect(out.status, out.stderr).toBe(0);
    // Powertools writes an ERROR entry as one JSON line on stderr.
    const logged = out.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as ProbeOutput['logged'] & { level: string })
      .find((entry) => entry.level === 'ERROR');
    expect(logged, out.stderr).toBeDefined();
    return { ...(JSON.parse(out.stdout) as Omit<ProbeOutput, 'logged'>), logged: logged! };
  }

  /** The frames of a stack (its `    at …` lines). */
  const frames = (stack: string) => stack.split('\n').filter((l) => l.startsWith('    at '));

  it('names the TypeScript source, line, column and function of a bundled frame', () => {
    const out = run(bundles.with);
    expect(out.installed).toBe(true);
    const stack = frames(out.bundle.stack);
    expect(out.bundle.stack.split('\n')[0]).toBe('Error: cannot collect a');
    expect(stack.slice(0, 4)).toEqual([
      `    at explode (${THROWER}:2:9)`,
      // An anonymous arrow has no name in the sources either: V8 writes only its place.
      `    at ${THROWER}:5:75`,
      '    at Array.map (<anonymous>)',
      `    at collect (${THROWER}:5:61)`,
    ]);
    // Node alone (no hook, no flag) names the minified bundle.
    const plain = frames(out.bundle.plain);
    expect(plain[0]).toContain(pathToFileURL(bundles.with).href);
    expect(out.bundle.plain).not.toContain('thrower.ts');
    // The probe's own frames have no map: they are exactly as Node writes them.
    expect(stack.slice(4)).toEqual(plain.slice(4));
    expect(stack.slice(4).join('\n')).toContain(pathToFileURL(probe).href);
  });

  it('is what the Powertools Logger writes for an error (stack and location)', () => {
    const { error } = run(bundles.with).logged;
    expect(error).toMatchObject({ name: 'Error', message: 'cannot collect a' });
    expect(error.location).toBe(`${THROWER}:2`);
    expect(frames(error.stack)[0]).toBe(`    at explode (${THROWER}:2:9)`);
  });

  it('maps nothing when the entry does not import the installer (the assertions can fail)', () => {
    const out = run(bundles.without);
    expect(out.installed).toBe(false);
    expect(out.bundle.stack).not.toContain('thrower.ts');
    expect(out.bundle.stack).toContain(pathToFileURL(bundles.without).href);
    expect(out.logged.error.location).not.toContain('thrower.ts');
  });

  it('writes errors without mapped frames exactly as Node does (Node and system errors)', () => {
    const out = run(bundles.with);
    // Node's own errors name their code: `RangeError [ERR_OUT_OF_RANGE]: …`.
    expect(out.node.plain).toMatch(/^RangeError \[ERR_OUT_OF_RANGE\]: /);
    expect(out.node.stack).toBe(out.node.plain);
    expect(out.fs.plain).toMatch(/^Error: ENOENT: /);
    expect(out.fs.stack).toBe(out.fs.plain);
  });

  it('reads no map at import, and a map once, at the first stack of its bundle', () => {
    const unread = run(copyOf('with', 'moved-after-import'), 'map-moved-after-import');
    expect(unread.installed).toBe(true);
    expect(unread.bundle.stack).toBe(unread.bundle.plain);
    const cached = run(copyOf('with', 'moved-after-first-stack'), 'map-moved-after-first-stack');
    expect(frames(cached.later ?? '')[0]).toBe(`    at explode (${THROWER}:2:9)`);
  });

  it('keeps the first line when the hook it replaced hands back to Error.prepareStackTrace', () => {
    const out = run(bundles.with, 'delegating-hook-first');
    expect(out.bundle.stack.split('\n').slice(0, 2)).toEqual([
      'Error: cannot collect a',
      `    at explode (${THROWER}:2:9)`,
    ]);
  });

  it.each([
    ['not JSON', '{"version":3,"sources":["../'],
    ['JSON that is not a map', '[1,2,3]'],
    ['a map without mappings', '{"version":3,"sources":[]}'],
    ['mappings that point nowhere', '{"version":3,"sources":[],"names":[],"mappings":";;;;"}'],
  ])('leaves the frames as they are when the map is %s', (label, text) => {
    const bundle = copyOf('with', `corrupt-${label.replaceAll(' ', '-')}`);
    writeFileSync(`${bundle}.map`, text);
    const out = run(bundle);
    expect(out.installed).toBe(true);
    expect(out.bundle.stack).toBe(out.bundle.plain);
    expect(out.logged.error.stack).toContain(pathToFileURL(bundle).href);
  });
});

describe('function entries', () => {
  const entries = readdirSync(join(ROOT, 'functions'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared')
    .map((d) => join(ROOT, 'functions', d.name, 'index.ts'));

  it('import the installer before anything else', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) {
      const first = readFileSync(entry, 'utf8')
        .split('\n')
        .find((line) => line.startsWith('import '));
      expect(first, entry).toBe("import '../shared/install-source-mapped-stacks';");
    }
  });
});
