import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ILocalBundling } from 'aws-cdk-lib';

const BUILD_SCRIPT = join(import.meta.dirname, 'build-function.ts');

/**
 * Bundles a function's entry point on this machine (never in Docker): the build script runs in
 * a fresh Node process with tsx, so it uses the project's esbuild and the same options as
 * `npm run bench:lambda`. A failed build throws with esbuild's message instead of falling back
 * to Docker.
 */
export class LocalFunctionBundling implements ILocalBundling {
  public constructor(private readonly entry: string) {}

  public tryBundle(outputDir: string): boolean {
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
    const out = spawnSync(
      process.execPath,
      ['--import', tsx, BUILD_SCRIPT, this.entry, outputDir],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    if (out.status !== 0) {
      throw new Error(`bundling ${this.entry} failed:\n${out.stderr || out.error?.message}`);
    }
    return true;
  }
}
