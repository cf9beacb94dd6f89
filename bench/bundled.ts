import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { BUNDLE_FILE, lambdaBuildOptions } from '../infra/bundling/build-options';

/**
 * `npm run bench`: bundles `bench/main.ts` the way the Lambda functions are bundled
 * (`infra/bundling`) and runs it with plain Node, so the process measured holds what a function's
 * does, not a TypeScript loader with every source transformed and mapped (about 50 MB of heap
 * and 100 MB of RSS more). Its arguments go to `bench/main.ts`.
 */

const ROOT = join(import.meta.dirname, '..');

/** The project's files keep their own `import.meta` (estates, models, results, the sandbox). */
const ownImportMeta: Plugin = {
  name: 'own-import-meta',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8')
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(args.path)))
        .replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href));
      return { contents: source, loader: 'ts' };
    });
  },
};

const dir = mkdtempSync(join(import.meta.dirname, '.bundle-'));
try {
  const options = lambdaBuildOptions(join(ROOT, 'bench', 'main.ts'), dir);
  await build({
    ...options,
    sourcemap: false,
    legalComments: 'none',
    plugins: [ownImportMeta, ...(options.plugins ?? [])],
  });
  const run = spawnSync(process.execPath, [join(dir, BUNDLE_FILE), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
