import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface Lock {
  packages: Record<string, { version?: string; dev?: boolean }>;
}

const lock = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8'),
) as Lock;

/** Every installed copy of each package: name → versions (from the lock's node_modules paths). */
function installed(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)?.[1];
    if (name === undefined || entry.version === undefined) continue;
    const versions = out.get(name) ?? new Set<string>();
    versions.add(entry.version);
    out.set(name, versions);
  }
  return out;
}

/** The runtime cores every SDK client shares: two copies would mean two of each class. */
const CORES =
  /^(@smithy\/|@aws-sdk\/(core|types|credential-provider|middleware|util|region-config|nested-clients|token-providers)|@azure\/(core-|msal-|identity$|logger$|abort-controller$)|google-auth-library$|gaxios$|gcp-metadata$|google-gax$|zod$)/;

describe('dependencies', () => {
  it('install one major version of each SDK core (npm ls would show no duplicate majors)', () => {
    const duplicates = [...installed()]
      .filter(([name]) => CORES.test(name))
      .map(
        ([name, versions]) =>
          [name, [...new Set([...versions].map((v) => v.split('.')[0]))]] as const,
      )
      .filter(([, majors]) => majors.length > 1);
    expect(duplicates).toEqual([]);
    // The lock really lists the cores (the filter above is not vacuous).
    expect(installed().get('@smithy/types')?.size).toBe(1);
    expect(installed().get('@aws-sdk/core')?.size).toBe(1);
  });

  it('keeps test-only tools out of the runtime dependency tree', () => {
    const runtimeTools = Object.entries(lock.packages)
      .filter(
        ([path, e]) =>
          !e.dev &&
          /node_modules\/(vitest|vite|aws-sdk-client-mock|sinon|s3rver|fast-check|playwright-core|@vitest\/[^/]+)$/.test(
            path,
          ),
      )
      .map(([path]) => path);
    expect(runtimeTools).toEqual([]);
  });
});
