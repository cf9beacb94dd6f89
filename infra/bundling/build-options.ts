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

/** The file every function's bundle is written to (the handler is `index.handler`). */
export const BUNDLE_FILE = 'index.mjs';

/**
 * How every Lambda function is bundled (the stack and `npm run bench:lambda` both use this):
 * one minified ESM file for Node 24 with the pinned AWS SDK inside, `module` entry points first
 * (ESM builds tree-shake), an external source map without the sources' text (stack traces need
 * only the mappings, and Node reads the whole map at load with --enable-source-maps), legal
 * comments in a file beside the bundle (kept, never loaded), and the AWS SDK schema rewrite that lets unused shapes go.
 */
export function lambdaBuildOptions(entry: string, outfile: string): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
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
