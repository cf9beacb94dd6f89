import { execFile } from 'node:child_process';
import { join } from 'node:path';

/** The installed command, exactly what `npx mk8s-audit` runs. */
export const CLI_BIN = join(import.meta.dirname, '..', 'bin', 'mk8s-audit.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `mk8s-audit <args>` in a child process (same Node as the tests) and collects its output. */
export function runCli(
  args: readonly string[],
  opts: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [CLI_BIN, ...args],
      {
        cwd: opts.cwd,
        env: {
          ...process.env,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          ...opts.env,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(error);
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
