import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { FAMILY_RESPONSIBILITY } from '../../../checks/responsibility/families';
import {
  PROVIDER_MODELS,
  responsibilityMatrix,
  responsibilityOf,
} from '../../../checks/responsibility/index';
import { Provider } from '../../../core/provider';

const familiesOn = (p: Provider) =>
  new Set(ALL_CHECKS.filter((c) => c.meta.provider === p).map((c) => c.meta.family));

describe('shared-responsibility matrix', () => {
  it('says who owns every family of the catalog, and names no family that does not exist', () => {
    const families = new Set(ALL_CHECKS.map((c) => c.meta.family));
    expect([...families].filter((f) => !(f in FAMILY_RESPONSIBILITY)).sort()).toEqual([]);
    expect(Object.keys(FAMILY_RESPONSIBILITY).filter((f) => !families.has(f))).toEqual([]);
  });

  it('overrides a family only on a cloud that has a check of it', () => {
    const wrong: string[] = [];
    for (const [family, r] of Object.entries(FAMILY_RESPONSIBILITY)) {
      for (const p of Object.keys(r.clouds ?? {})) {
        const provider = Provider.parse(p);
        if (!familiesOn(provider).has(family)) wrong.push(`${family} on ${p}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives one row per family and cloud, each citing its provider’s page in one-line texts', () => {
    const rows = responsibilityMatrix(ALL_CHECKS);
    const pairs = new Set(ALL_CHECKS.map((c) => `${c.meta.family} ${c.meta.provider}`));
    expect(rows).toHaveLength(pairs.size);
    for (const row of rows) {
      expect(row.source).toBe(PROVIDER_MODELS[row.provider].url);
      expect(row.source).toMatch(/^https:\/\//);
      expect(['customer', 'shared']).toContain(row.owner);
      for (const text of [row.providerDoes, row.customerConfigures]) {
        expect(text.length).toBeGreaterThan(5);
        expect(text).not.toContain('\n');
      }
    }
  });

  it('applies a cloud’s difference: EKS envelope-encrypts all API data by default', () => {
    const eks = responsibilityOf('secrets-encryption', 'eks');
    const gke = responsibilityOf('secrets-encryption', 'gke');
    expect(eks?.owner).toBe('shared');
    expect(eks?.providerDoes).toContain('AWS-owned key');
    expect(gke?.providerDoes).toBe(
      'Encrypts etcd storage at rest with provider-managed keys by default.',
    );
    expect(responsibilityOf('no-such-family', 'aks')).toBeUndefined();
  });
});
