import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, 'fixtures');

/** Path of a fixture file under test/fixtures. */
export function fixturePath(relative: string): string {
  return join(ROOT, relative);
}

/** A fixture parsed as JSON; each call returns a fresh copy that a test may change. */
export function fixture<T = unknown>(relative: string): T {
  return JSON.parse(readFileSync(fixturePath(relative), 'utf8')) as T;
}
