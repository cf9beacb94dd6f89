import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { BUNDLE_FILE, lambdaBuildOptions } from '../infra/bundling/build-options';

/**
 * `npm run bench:lambda`: bundles every Lambda entry point (`functions/<name>/index.ts`) with
 * the options the stack builds it with (infra/bundling/build-options.ts), then imports each
 * bundle in fresh Node processes with the environment the stack sets, and prints sizes and
 * import times. audit-target loads one cloud's collector on demand, so it is measured per cloud:
 * the bundle plus the chunks a target of that cloud imports, as a cold start of that target.
 */

const ROOT = join(import.meta.dirname, '..');
const RUNS = 7;
/** Targets of issue 10: 1 MB per bundle (5 MB for the GKE one), 300 ms. */
const LIMIT_BYTES = 1024 * 1024;
const GKE_LIMIT_BYTES = 5 * 1024 * 1024;
const LIMIT_IMPORT_MS = 300;

/** What a target of each cloud imports on demand (audit-target's collectors.ts, checks-for.ts). */
const ON_DEMAND: Record<string, Record<string, string[]>> = {
  'audit-target': {
    eks: ['functions/audit-target/aws-collector.ts', 'checks/eks/index.ts'],
    gke: [
      'functions/audit-target/gcp-collector.ts',
      'functions/shared/credential-sources.ts',
      'checks/gke/index.ts',
    ],
    aks: [
      'functions/audit-target/azure-collector.ts',
      'functions/shared/credential-sources.ts',
      'checks/aks/index.ts',
    ],
  },
  // Discover loads a cloud's listing and credentials when the run has scopes of that cloud.
  discover: {
    '': [],
    gcp: ['functions/discover/gcp-discovery.ts', 'functions/shared/credential-sources.ts'],
    azure: ['functions/discover/azure-discovery.ts', 'functions/shared/credential-sources.ts'],
  },
};
/** What a path of ON_DEMAND is called in the output: a cloud's target or scopes. */
const PATH_NOUN: Record<string, string> = { 'audit-target': 'target', discover: 'scopes' };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
const kb = (bytes: number) => Math.round(bytes / 1024);
const mb = (bytes: number) => Number((bytes / 2 ** 20).toFixed(2));

/**
 * Wall and CPU milliseconds to import the bundle and then the chunks in a fresh process
 * (process start not included). CPU time is less disturbed by other work on a shared machine.
 */
function importMs(files: string[], dir: string): { wall: number; cpu: number } {
  const script = join(dir, 'import-timer.mjs');
  writeFileSync(
    script,
    [
      'const c = process.cpuUsage(); const t = performance.now();',
      ...files.map((f) => `await import(${JSON.stringify(f)});`),
      'const u = process.cpuUsage(c);',
      'process.stdout.write(JSON.stringify({ wall: performance.now() - t, cpu: (u.user + u.system) / 1000 }));',
    ].join('\n'),
  );
  const out = spawnSync(process.execPath, [script], {
    encoding: 'utf8',
    env: {
      PATH: process.env['PATH'] ?? '',
      // What the stack sets (auditor-stack.ts, auditor-function.ts) and Lambda adds.
      POWERTOOLS_SERVICE_NAME: 'mk8s-audit',
      POWERTOOLS_METRICS_NAMESPACE: 'mk8s-audit',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      FINDINGS_BUCKET: 'mk8s-audit-findings-bench',
      RUN_CONFIG: JSON.stringify({ aws: { accounts: ['111122223333'], regions: ['eu-west-1'] } }),
      AWS_REGION: 'eu-west-1',
      AWS_LAMBDA_FUNCTION_NAME: 'bench',
    },
  });
  if (out.status !== 0) throw new Error(`importing ${files.join(', ')} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout) as { wall: number; cpu: number };
}

/** The output files a file loads by static imports, itself included. */
function staticClosure(meta: Metafile, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const im of meta.outputs[file]?.imports ?? []) {
      if (im.kind === 'import-statement' && !im.external) queue.push(im.path);
    }
  }
  return seen;
}

/** Bytes per package of the given output files, the heaviest first. */
function largestPackages(meta: Metafile, files: Iterable<string>): Record<string, number> {
  const byPackage = new Map<string, number>();
  for (const file of files) {
    for (const [input, info] of Object.entries(meta.outputs[file]?.inputs ?? {})) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m?.[1] ?? '(mk8s-audit)';
      byPackage.set(key, (byPackage.get(key) ?? 0) + info.bytesInOutput);
    }
  }
  return Object.fromEntries(
    [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([k, v]) => [k, kb(v)]),
  );
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
    const { metafile: meta } = await build({
      ...lambdaBuildOptions(join(ROOT, 'functions', name, 'index.ts'), outdir),
      metafile: true,
    });
    // Metafile paths are relative to the working directory.
    const key = (abs: string) => relative(process.cwd(), abs);
    const js = Object.keys(meta.outputs).filter((f) => f.endsWith('.mjs'));
    const sizeOf = (files: Iterable<string>) =>
      [...files].reduce((sum, f) => sum + statSync(join(process.cwd(), f)).size, 0);
    const entry = key(join(outdir, BUNDLE_FILE));
    const loaded = staticClosure(meta, entry);
    const paths = Object.entries(ON_DEMAND[name] ?? { '': [] }).map(([cloud, sources]) => {
      const chunks = sources.map((src) => {
        const chunk = js.find((f) => meta.outputs[f]?.entryPoint === src);
        if (chunk === undefined) throw new Error(`${name}: no chunk for ${src}`);
        return chunk;
      });
      const files = new Set(loaded);
      for (const c of chunks) for (const f of staticClosure(meta, c)) files.add(f);
      const bytes = sizeOf(files);
      const limit = cloud === 'gke' ? GKE_LIMIT_BYTES : LIMIT_BYTES;
      const runs = Array.from({ length: RUNS }, () =>
        importMs(
          [entry, ...chunks].map((f) => join(process.cwd(), f)),
          dir,
        ),
      );
      const wall = median(runs.map((r) => r.wall));
      const cpu = median(runs.map((r) => r.cpu));
      return {
        function: cloud === '' ? name : `${name} (${cloud} ${PATH_NOUN[name] ?? 'path'})`,
        loadedMb: mb(bytes),
        limitMb: limit / 2 ** 20,
        importMsMedian: Number(wall.toFixed(1)),
        importCpuMsMedian: Number(cpu.toFixed(1)),
        importMsRuns: runs.map((r) => Number(r.wall.toFixed(1))),
        withinTargets: bytes < limit && wall < LIMIT_IMPORT_MS,
        largestPackagesKb: largestPackages(meta, files),
      };
    });
    for (const p of paths) {
      functions.push({
        ...p,
        bundleMb: mb(statSync(join(outdir, BUNDLE_FILE)).size),
        deployedJsMb: mb(sizeOf(js)),
      });
    }
  }
  const report = {
    node: process.version,
    runs: RUNS,
    importLimitMs: LIMIT_IMPORT_MS,
    loadedMb: 'the bundle and every chunk it (or the target) imports: what a cold start loads',
    deployedJsMb: 'every JavaScript file of the function, chunks a target never loads included',
    functions,
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', 'lambda.json'), text);
  process.stdout.write(text);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
