/** One `mk8s-audit <name>` command. */
export interface Command {
  name: string;
  /** One line for the command list of `mk8s-audit --help`. */
  summary: string;
  /** Resolves to the process exit code. */
  run(argv: string[]): Promise<number>;
}

/** A wrong command line: printed with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * The audit could not use an input (a file, the credentials, a region): printed as is,
 * exit code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Exit codes, the same for every command. */
export const EXIT = {
  /** The command ran; for a scan, whatever it found. */
  ok: 0,
  /** `--fail-on` was given and a failed check is at or above that severity. */
  failOn: 1,
  /** Bad usage or bad input: something could not be read; what could be read was audited. */
  badInput: 2,
} as const;
