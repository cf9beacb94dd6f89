import { readFileSync } from 'node:fs';

/** This tool's version, from the project's package.json. */
export function productVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return String((pkg as { version?: unknown }).version ?? 'unknown');
}
