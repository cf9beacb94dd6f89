import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './synth';

/** Azure federation adds the function that enables outbound web identity federation. */
const AZURE_FEDERATION = {
  audit: {
    azure: {
      subscriptions: ['00000000-0000-0000-0000-000000000000'],
      credentials: {
        source: 'workload-identity',
        tenantId: '0a0a0a0a-1111-2222-3333-444444444444',
        clientId: 'c1c1c1c1-5555-6666-7777-888888888888',
      },
    },
  },
};
const FEDERATION_FUNCTION = /^CrossCloudOutboundFederationFunction/;

// The one test that runs esbuild: every other infra test skips bundling.
describe('Lambda bundling', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'mk8s-cdk-out-'));
  let assets: { fn: string; dir: string }[] = [];
  beforeAll(() => {
    // No Docker here: if CDK could not find the local esbuild it would try `docker build`.
    const { app, auditor } = buildApp(AZURE_FEDERATION, { bundle: true, outdir });
    const template = Template.fromStack(auditor);
    app.synth();
    // The code's S3 key is `<asset hash>.zip`; the staged asset is `asset.<asset hash>/`.
    assets = Object.entries(template.findResources('AWS::Lambda::Function')).map(([fn, r]) => {
      const key = String(r['Properties']['Code']['S3Key']);
      return { fn, dir: join(outdir, `asset.${key.replace(/\.zip$/, '')}`) };
    });
  }, 300_000);
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  /** The bundle and the chunks it imports on demand. */
  const jsFiles = (dir: string): string[] => [
    join(dir, 'index.mjs'),
    ...(existsSync(join(dir, 'chunks'))
      ? readdirSync(join(dir, 'chunks'))
          .filter((f) => f.endsWith('.mjs'))
          .map((f) => join(dir, 'chunks', f))
      : []),
  ];

  it('builds every function with the local esbuild into an ESM bundle with the SDK inside', () => {
    expect(assets).toHaveLength(4);
    for (const { fn, dir } of assets) {
      const bundle = join(dir, 'index.mjs');
      expect(existsSync(bundle), `${fn}: ${bundle}`).toBe(true);
      const code = readFileSync(bundle, 'utf8');
      // The banner that lets CommonJS dependencies require() inside the ESM bundle.
      expect(code.startsWith("import { createRequire as __cr } from 'module';"), fn).toBe(true);
      // bundleAwsSDK: the pinned S3 client is inside, not the runtime's. (Booleans, so that a
      // failure does not print a minified bundle.)
      if (FEDERATION_FUNCTION.test(fn)) {
        // The pinned IAM client's commands, which the runtime's own SDK may lack.
        for (const command of [
          'EnableOutboundWebIdentityFederation',
          'GetOutboundWebIdentityFederationInfo',
        ]) {
          expect(code.includes(`"${command}"`), `${fn} bundles ${command}`).toBe(true);
        }
      } else {
        expect(code.includes('"PutObject"'), `${fn} bundles the S3 client`).toBe(true);
      }
      for (const file of jsFiles(dir)) {
        const js = readFileSync(file, 'utf8');
        expect(/from\s*["']@aws-sdk\//.test(js), `${file} imports an external SDK`).toBe(false);
        expect(existsSync(`${file}.map`), `${file} has a source map`).toBe(true);
      }
      expect(statSync(bundle).size).toBeGreaterThan(
        FEDERATION_FUNCTION.test(fn) ? 20_000 : 100_000,
      );
    }
  });

  it('bundles no development-only package and no test code', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    ) as {
      devDependencies: Record<string, string>;
    };
    // Packages that only the dev tools bring in, besides the direct devDependencies.
    const devOnly = [...Object.keys(pkg.devDependencies), 'sinon', 'busboy', 'vite'];
    for (const { fn, dir } of assets) {
      const sources = jsFiles(dir).flatMap(
        (file) =>
          (JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[] }).sources,
      );
      expect(sources.length, fn).toBeGreaterThan(50);
      const offending = sources.filter(
        (s) =>
          devOnly.some((name) => s.includes(`node_modules/${name}/`)) ||
          /(^|\/)(test|sandbox|bench)\//.test(s.replace(/^.*node_modules\/.*$/, '')),
      );
      expect(offending, fn).toEqual([]);
    }
  });

  it('loads every bundle and every chunk in a fresh Node process with the stack’s environment', () => {
    for (const { fn, dir } of assets) {
      const [url, ...chunks] = jsFiles(dir).map((f) => pathToFileURL(f).href);
      const out = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          [
            'const nodeOwn = Error.prepareStackTrace;',
            `const m = await import(${JSON.stringify(url)});`,
            // What targets import on demand (a cloud's collector and checks) must load as well.
            ...chunks.map((c) => `await import(${JSON.stringify(c)});`),
            // An event no handler accepts: the error is thrown inside the bundle, before any I/O.
            "const failure = await m.handler('not an event').then(() => undefined, (e) => e);",
            'process.stdout.write(JSON.stringify({ handler: typeof m.handler,',
            '  mapsStacks: Error.prepareStackTrace !== nodeOwn, stack: String(failure?.stack) }));',
          ].join('\n'),
        ],
        {
          encoding: 'utf8',
          // The stack sets no NODE_OPTIONS: no --enable-source-maps (auditor-function.ts).
          env: {
            PATH: process.env['PATH'] ?? '',
            POWERTOOLS_SERVICE_NAME: 'mk8s-audit',
            POWERTOOLS_METRICS_NAMESPACE: 'mk8s-audit',
            FINDINGS_BUCKET: 'mk8s-audit-findings-test',
            RUN_CONFIG: JSON.stringify({
              aws: { accounts: ['111122223333'], regions: ['eu-west-1'] },
            }),
            AWS_REGION: 'eu-west-1',
          },
        },
      );
      expect(out.stderr, fn).toBe('');
      const loaded = JSON.parse(out.stdout) as {
        handler: string;
        mapsStacks: boolean;
        stack: string;
      };
      expect(loaded.handler, fn).toBe('function');
      // The entry installed the source-mapped stacks: the error names the TypeScript source.
      expect(loaded.mapsStacks, fn).toBe(true);
      const firstFrame = loaded.stack.split('\n').find((line) => line.startsWith('    at '));
      expect(firstFrame, `${fn}: ${loaded.stack}`).toMatch(
        FEDERATION_FUNCTION.test(fn)
          ? /^ {4}at .* \(\/.*\/functions\/outbound-federation\/handler\.ts:\d+:\d+\)$/
          : /^ {4}at parseEvent \(\/.*\/functions\/shared\/invalid-input\.ts:\d+:\d+\)$/,
      );
    }
  });
});
