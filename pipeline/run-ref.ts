import { randomBytes } from 'node:crypto';
import type { RunRef } from './types';

/**
 * A new run: `20261128T030000Z-1a2b3c`, sortable by start time and unique when two runs start in
 * the same second; `date` is the UTC day it started (the S3 partition).
 */
export function newRunRef(now: Date, suffix = randomBytes(3).toString('hex')): RunRef {
  const iso = now.toISOString();
  const stamp = `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
  return { runId: `${stamp}-${suffix}`, date: iso.slice(0, 10) };
}
