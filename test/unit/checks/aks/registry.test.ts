import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AKS_CHECKS } from '../../../../checks/aks';
import { findFramework } from '../../../../checks/frameworks';
import { CIS_AKS_1_8_0 } from '../../../../checks/frameworks/cis-aks-1.8.0';
import { CheckMeta } from '../../../../core/check';

const DIR = join(import.meta.dirname, '../../../../checks/aks');

describe('AKS check registry', () => {
  it('registers one check per file, sorted, with the file name as id', () => {
    const files = readdirSync(DIR)
      .filter((f) => /^aks-.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    const ids = AKS_CHECKS.map((c) => c.meta.id);
    expect(ids).toEqual(files);
    expect([...ids].sort()).toEqual(ids);
  });

  it('covers the 42 rows of the AKS catalog', () => {
    expect(AKS_CHECKS).toHaveLength(42);
  });

  it('has valid metadata whose CIS ids exist in the framework', () => {
    const known = new Set(CIS_AKS_1_8_0.requirements.map((r) => r.id));
    expect(findFramework('cis-aks-1.8.0')).toBe(CIS_AKS_1_8_0);
    for (const check of AKS_CHECKS) {
      expect(() => CheckMeta.parse(check.meta), check.meta.id).not.toThrow();
      expect(check.meta.provider).toBe('aks');
      for (const id of check.meta.frameworks['cis-aks-1.8.0'] ?? []) {
        expect(known.has(id), `${check.meta.id} cites ${id}`).toBe(true);
      }
    }
  });

  it('maps every automated CIS AKS requirement to at least one check', () => {
    const cited = new Set(AKS_CHECKS.flatMap((c) => c.meta.frameworks['cis-aks-1.8.0'] ?? []));
    const automated = CIS_AKS_1_8_0.requirements.filter((r) => r.assessment === 'automated');
    expect(automated.filter((r) => !cited.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});
