import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { BUNDLE_FILE, lambdaBuildOptions } from '../infra/bundling/build-options';

/**
 * `npm run bench:lambda`: bundles every Lambda entry point (`functions/<name>/index.ts`) with
 * the options the auditor stack builds it with (infra/bundling/build-options.ts), then imports each bundle in
 * fresh Node processes with the environment the stack sets, and prints sizes and import times.
 */

const ROOT = join(import.meta.dirname, '..');
const RUNS = 7;
/** Targets of issue 10: 1 MB per bundle (5 MB for the one with the Google client), 300 ms. */
const LIMIT_BYTES = 1024 * 1024;
const GOOGLE_LIMIT_BYTES = 5 * 1024 * 1024;
const LIMIT_IMPORT_MS = 300;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

/** Milliseconds to import the bundle in a fresh process (process start not included). */
function importMs(bundle: string, dir: string): number {
  const script = join(dir, 'import-timer.mjs');
  writeFileSync(
    script,
    `const t = performance.now(); await import(${JSON.stringify(bundle)}); process.stdout.write(String(performance.now() - t));\n`,
  );
  const out = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '',
      // What the stack sets (auditor-stack.ts, auditor-function.ts) and Lambda adds.
      NODE_OPTIONS: '--enable-source-maps',
      POWERTOOLS_SERVICE_NAME: 'mk8s-audit',
      POWERTOOLS_METRICS_NAMESPACE: 'mk8s-audit',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      FINDINGS_BUCKET: 'mk8s-audit-findings-bench',
      RUN_CONFIG: JSON.stringify({ aws: { accounts: ['111122223333'], regions: ['eu-west-1'] } }),
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'bench',
    },
  });
  if (out.status !== 0) throw new Error(`importing ${bundle} failed:\n${out.stderr}`);
  return Number(out.stdout);
}

const dir = mkdtempSync(join(tmpdir(), 'mk8s-bench-lambda-'));
try {
  const names = readdirSync(join(ROOT, 'functions')).filter((n) =>
    statSync(join(ROOT, 'functions', n, 'index.ts'), { throwIfNoEntry: false })?.isFile(),
  );
  const functions = [];
  for (const name of names) {
    const outdir = join(dir, name);
    mkdirSync(outdir);
    const bundle = join(outdir, BUNDLE_FILE);
    const result = await build({
      ...lambdaBuildOptions(join(ROOT, 'functions', name, 'index.ts'), bundle),
      metafile: true,
    });
    const bytes = statSync(bundle).size;
    const times = Array.from({ length: RUNS }, () => importMs(bundle, dir));
    // The packages that weigh most in the bundle, for the next person who has to shrink it.
    const byPackage = new Map<string, number>();
    for (const [file, info] of Object.entries(
      result.metafile.outputs[bundle.replace(`${ROOT}/`, '')]?.inputs ??
        result.metafile.outputs[
          Object.keys(result.metafile.outputs).find((k) => k.endsWith('index.mjs')) ?? ''
        ]?.inputs ??
        {},
    )) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m?.[1] ?? '(mk8s-audit)';
      byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
    }
    const hasGoogle = byPackage.has('google-gax') || byPackage.has('@google-cloud/container');
    const limit = hasGoogle ? GOOGLE_LIMIT_BYTES : LIMIT_BYTES;
    const ms = median(times);
    functions.push({
      function: name,
      bundleBytes: bytes,
      bundleMb: Number((bytes / 2 ** 20).toFixed(2)),
      limitMb: limit / 2 ** 20,
      importMsMedian: Number(ms.toFixed(1)),
      importMsRuns: times.map((t) => Number(t.toFixed(1))),
      withinTargets: bytes < limit && ms < LIMIT_IMPORT_MS,
      largestPackagesKb: Object.fromEntries(
        [...byPackage]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([k, v]) => [k, Math.round(v / 1024)]),
      ),
    });
  }
  const report = { node: process.version, runs: RUNS, importLimitMs: LIMIT_IMPORT_MS, functions };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'lambda.json'), text);
  process.stdout.write(text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
