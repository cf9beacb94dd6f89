import { build } from 'esbuild';
import { lambdaBuildOptions } from './build-options';

/**
 * `build-function.ts <entry> <outdir>`: bundles one Lambda entry point into `<outdir>/index.mjs`
 * and its chunks (with their source maps). The stack runs it in a child process because CDK's
 * local bundling is synchronous and esbuild runs plugins only in its asynchronous API.
 */
const [entry, outdir] = process.argv.slice(2);
if (entry === undefined || outdir === undefined) {
  process.stderr.write('usage: build-function.ts <entry> <outdir>\n');
  process.exit(2);
}
await build(lambdaBuildOptions(entry, outdir));
