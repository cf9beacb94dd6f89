import { existsSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AKS_CHECKS } from '../../../checks/aks';
import { EKS_CHECKS } from '../../../checks/eks';
import { findFramework } from '../../../checks/frameworks';
import { GKE_CHECKS } from '../../../checks/gke';
import { ALL_CHECKS } from '../../../checks/index';
import { type AnyCheck, CheckMeta } from '../../../core/check';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const REGISTRIES: Readonly<Record<string, readonly AnyCheck[]>> = {
  eks: EKS_CHECKS,
  gke: GKE_CHECKS,
  aks: AKS_CHECKS,
};

interface CheckFile {
  provider: string;
  id: string;
  path: string;
}

/** `checks/{eks,gke,aks}/*.ts` except the index; helpers in sub-folders are not checks. */
function checkFiles(): CheckFile[] {
  return Object.keys(REGISTRIES).flatMap((provider) => {
    const dir = join(ROOT, 'checks', provider);
    if (!existsSync(dir)) return [];
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && e.name !== 'index.ts')
      .map((e) => ({ provider, id: basename(e.name, '.ts'), path: join(dir, e.name) }));
  });
}

function isCheck(value: unknown): value is AnyCheck {
  return (
    typeof value === 'object' &&
    value !== null &&
    'meta' in value &&
    'evaluate' in value &&
    typeof value.evaluate === 'function'
  );
}

const FILES = checkFiles();

describe('check catalog', () => {
  it('finds the check files', () => {
    expect(FILES.length).toBeGreaterThan(0);
    expect(FILES.map((f) => f.id)).toContain('eks-endpoint-public-access');
  });

  describe.each(FILES.map((f) => [`${f.provider}/${f.id}.ts`, f] as const))(
    '%s',
    (_name, { provider, id, path }) => {
      it('exports exactly one check, whose meta parses and whose id is the file name', async () => {
        const module: Record<string, unknown> = await import(pathToFileURL(path).href);
        const checks = Object.values(module).filter(isCheck);
        expect(checks, `${path} must export one check`).toHaveLength(1);
        const [check] = checks;
        const parsed = CheckMeta.safeParse(check?.meta);
        expect(parsed.error?.issues ?? []).toEqual([]);
        expect(check?.meta.id).toBe(id);
        expect(check?.meta.provider).toBe(provider);
      });

      it('is registered in its provider index', async () => {
        const module: Record<string, unknown> = await import(pathToFileURL(path).href);
        const check = Object.values(module).find(isCheck);
        expect(REGISTRIES[provider]).toContain(check);
      });
    },
  );

  it('has a unit test file for every check', () => {
    const missing = FILES.filter(
      (f) => !existsSync(join(ROOT, 'test', 'unit', 'checks', f.provider, `${f.id}.test.ts`)),
    );
    expect(missing.map((f) => `${f.provider}/${f.id}`)).toEqual([]);
  });

  it('registers no check without a file of the same name in its provider folder', () => {
    for (const [provider, checks] of Object.entries(REGISTRIES)) {
      for (const check of checks) {
        expect(check.meta.provider).toBe(provider);
        expect(existsSync(join(ROOT, 'checks', provider, `${check.meta.id}.ts`))).toBe(true);
      }
    }
  });

  it('keeps every provider index sorted by id', () => {
    for (const checks of Object.values(REGISTRIES)) {
      const ids = checks.map((c) => c.meta.id);
      expect(ids).toEqual([...ids].sort());
    }
  });

  it('has unique ids and aliases across all providers', () => {
    const names = ALL_CHECKS.flatMap((c) => [c.meta.id, ...(c.meta.aliases ?? [])]);
    const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
    expect(duplicates).toEqual([]);
    expect(ALL_CHECKS).toHaveLength(EKS_CHECKS.length + GKE_CHECKS.length + AKS_CHECKS.length);
  });

  it('cites only requirement ids that exist in the frameworks it knows', () => {
    const missing: string[] = [];
    for (const check of ALL_CHECKS) {
      for (const [frameworkId, requirementIds] of Object.entries(check.meta.frameworks)) {
        const framework = findFramework(frameworkId);
        if (!framework) continue;
        for (const requirementId of requirementIds) {
          if (!framework.requirements.some((r) => r.id === requirementId)) {
            missing.push(`${check.meta.id}: ${frameworkId} ${requirementId}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
