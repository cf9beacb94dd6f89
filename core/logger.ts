/**
 * The logging the pipeline and outputs need. Powertools' Logger satisfies it, and so does a
 * console wrapper for the CLI; tests pass `silentLogger` or a recorder.
 */
export interface Logger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  info() {},
  warn() {},
  error() {},
};
