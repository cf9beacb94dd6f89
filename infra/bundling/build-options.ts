import type { BuildOptions } from 'esbuild';
import { schemaKeysPlugin } from './schema-keys-plugin';

/**
 * Lets CommonJS-only dependencies call `require` (and read `__dirname`) inside the ESM bundle
 * (toolchain notes G15: google-gax and grpc-js read `__dirname` on import).
 */
export const ESM_BANNER = [
  "import { createRequire as __cr } from 'module';",
  "import { fileURLToPath as __fup } from 'url';",
  "import { dirname as __dn } from 'path';",
  'const require = __cr(import.meta.url);',
  'const __filename = __fup(import.meta.url);',
  'const __dirname = __dn(__filename);',
].join('');

/** The file every function's bundle starts from (the handler is `index.handler`). */
export const BUNDLE_FILE = 'index.mjs';
/** Where the chunks imported on demand go, beside the bundle. */
export const CHUNKS_DIR = 'chunks';

/**
 * How every Lambda function is bundled into `outdir` (the stack and `npm run bench:lambda` both
 * use this): a minified ESM bundle for Node 24 with the pinned AWS SDK inside; what the code
 * imports with `import()` goes to chunks beside it, loaded only when called (audit-target: one
 * cloud's collector, SDKs and checks per target). `module` entry points first (ESM builds
 * tree-shake); a linked source map beside each file, without the sources' text (a stack trace
 * needs only the mappings and names; a function reads a file's map the first time a stack through
 * that file is formatted, functions/shared/source-mapped-stacks.ts, so the text would only make
 * that first read slower); legal comments in a file beside the bundle (kept, never loaded); and
 * the AWS SDK schema rewrite that lets unused shapes go (schema-keys-plugin.ts).
 */
export function lambdaBuildOptions(entry: string, outdir: string): BuildOptions {
  return {
    entryPoints: [{ in: entry, out: BUNDLE_FILE.replace(/\.mjs$/, '') }],
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: `${CHUNKS_DIR}/[name]-[hash]`,
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'external',
    mainFields: ['module', 'main'],
    banner: { js: ESM_BANNER },
    plugins: [schemaKeysPlugin],
    logLevel: 'error',
  };
}
