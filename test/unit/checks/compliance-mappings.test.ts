import { describe, expect, it } from 'vitest';
import { findFramework } from '../../../checks/frameworks/index';
import { CHECK_THEMES, FAMILY_THEMES } from '../../../checks/frameworks/mappings/families';
import {
  complianceMappings,
  MAPPED_FRAMEWORK_DEFS,
} from '../../../checks/frameworks/mappings/index';
import { PUBLIC_MAPPINGS } from '../../../checks/frameworks/mappings/public-mappings';
import { THEMES } from '../../../checks/frameworks/mappings/themes';
import {
  MAPPED_FRAMEWORKS,
  type MappedFrameworkId,
} from '../../../checks/frameworks/mappings/types';
import { ALL_CHECKS, findCheck } from '../../../checks/index';
import { CheckMeta } from '../../../core/check';

/** How each framework spells a requirement id. */
const WELL_FORMED: Readonly<Record<MappedFrameworkId, RegExp>> = {
  'pci-dss-4.0.1': /^(1[0-2]|[1-9])(\.\d{1,2}){1,3}$/,
  'soc2-2017': /^(CC[1-9]\.[1-9]|A1\.[1-3]|C1\.[1-2]|PI1\.[1-5]|P[1-8]\.[1-6])$/,
  'hipaa-security-rule':
    /^164\.(308|310|312)\([a-e]\)(\([1-9]\))?(\((i|ii|iii|iv|v|vi)\))?(\([A-F]\))?$/,
  'iso-27001-2022':
    /^A\.(5\.([1-9]|[1-3]\d)|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[1-2]\d|3[0-4]))$/,
  'nist-800-53-r5': /^(AC|AT|AU|CA|CM|CP|IA|IR|MA|MP|PE|PL|PM|PS|PT|RA|SA|SC|SI|SR)-\d{1,2}$/,
};

const families = new Set(ALL_CHECKS.map((c) => c.meta.family));

describe('compliance mappings', () => {
  it('registers the five mapped frameworks with well-formed, unique requirement ids', () => {
    for (const id of MAPPED_FRAMEWORKS) {
      const framework = findFramework(id);
      expect(framework?.id).toBe(id);
      const ids = framework?.requirements.map((r) => r.id) ?? [];
      expect(ids.length).toBeGreaterThan(5);
      expect(ids.filter((x, i) => ids.indexOf(x) !== i)).toEqual([]);
      expect(ids.filter((x) => !WELL_FORMED[id].test(x))).toEqual([]);
    }
  });

  it('rejects ids the patterns must not accept (the patterns are not vacuous)', () => {
    expect(WELL_FORMED['hipaa-security-rule'].test('164_312_a_1')).toBe(false);
    expect(WELL_FORMED['hipaa-security-rule'].test('164.316(b)(1)')).toBe(false);
    expect(WELL_FORMED['pci-dss-4.0.1'].test('1.2.8.12.3')).toBe(false);
    expect(WELL_FORMED['soc2-2017'].test('cc_6_1')).toBe(false);
    expect(WELL_FORMED['iso-27001-2022'].test('A.12.4.1')).toBe(false);
    expect(WELL_FORMED['nist-800-53-r5'].test('SC-7(3)')).toBe(false);
  });

  it('cites, in every theme, only requirements the framework has, each with a one-line rationale', () => {
    const problems: string[] = [];
    for (const theme of THEMES) {
      const reqs: Partial<
        Record<MappedFrameworkId, readonly { requirement: string; rationale: string }[]>
      > = theme.requirements;
      for (const fw of MAPPED_FRAMEWORKS) {
        for (const ref of reqs[fw] ?? []) {
          const known = MAPPED_FRAMEWORK_DEFS[fw].requirements.find(
            (r) => r.id === ref.requirement,
          );
          if (!known) problems.push(`${theme.id}: ${fw} ${ref.requirement} does not exist`);
          else if (known.assessment === 'manual')
            problems.push(`${theme.id}: ${fw} ${ref.requirement} is manual (provider side)`);
          if (
            ref.rationale.length < 15 ||
            ref.rationale.length > 200 ||
            ref.rationale.includes('\n')
          )
            problems.push(`${theme.id}: ${fw} ${ref.requirement} rationale is not one line`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves no automated requirement of a mapped framework without a theme citing it', () => {
    const cited = new Set(
      THEMES.flatMap((t) =>
        Object.entries(t.requirements).flatMap(([fw, refs]) =>
          (refs ?? []).map((ref: { requirement: string }) => `${fw} ${ref.requirement}`),
        ),
      ),
    );
    const orphans = MAPPED_FRAMEWORKS.flatMap((fw) =>
      MAPPED_FRAMEWORK_DEFS[fw].requirements
        .filter((r) => r.assessment === 'automated' && !cited.has(`${fw} ${r.id}`))
        .map((r) => `${fw} ${r.id}`),
    );
    expect(orphans).toEqual([]);
  });

  it('maps every family of the catalog, and only families and checks that exist', () => {
    expect([...families].filter((f) => !(f in FAMILY_THEMES)).sort()).toEqual([]);
    expect(Object.keys(FAMILY_THEMES).filter((f) => !families.has(f))).toEqual([]);
    expect(Object.keys(CHECK_THEMES).filter((id) => findCheck(id) === undefined)).toEqual([]);
    const themeIds = new Set<string>(THEMES.map((t) => t.id));
    const unknownThemes = [...Object.values(FAMILY_THEMES), ...Object.values(CHECK_THEMES)]
      .flat()
      .filter((t) => !themeIds.has(t));
    expect(unknownThemes).toEqual([]);
  });

  it('gives every check at least one requirement in at least three mapped frameworks', () => {
    const thin = ALL_CHECKS.filter(
      (c) => new Set(complianceMappings(c.meta).map((m) => m.framework)).size < 3,
    ).map((c) => c.meta.id);
    expect(thin).toEqual([]);
  });

  it('puts the mappings on the registry checks, whose metadata still parses', () => {
    const check = findCheck('eks-endpoint-public-access');
    expect(check?.meta.frameworks['cis-eks-1.8.0']).toEqual(expect.arrayContaining(['5.4.2']));
    expect(check?.meta.frameworks['pci-dss-4.0.1']).toEqual(['1.3.1', '1.4.2', '1.4.4']);
    expect(check?.meta.frameworks['nist-800-53-r5']).toEqual(['SC-7', 'AC-4', 'AC-3']);
    for (const c of ALL_CHECKS) expect(CheckMeta.safeParse(c.meta).success).toBe(true);
  });

  it('resolves a mapping with title and rationale', () => {
    const meta = { id: 'aks-kms-etcd', family: 'secrets-encryption' };
    const mappings = complianceMappings(meta);
    expect(mappings).toContainEqual({
      framework: 'hipaa-security-rule',
      requirement: '164.312(a)(2)(iv)',
      title: 'Access control: encryption and decryption',
      rationale: expect.stringContaining('at rest'),
      theme: 'secrets-encryption',
    });
    // The check-level addition: AKS KMS also speaks to key management.
    expect(mappings.map((m) => `${m.framework} ${m.requirement}`)).toContain('pci-dss-4.0.1 3.6.1');
    expect(
      complianceMappings({ id: 'eks-secrets-encryption', family: 'secrets-encryption' }).map(
        (m) => m.requirement,
      ),
    ).not.toContain('3.6.1');
  });

  describe('comparisons with published mappings', () => {
    it.each(
      PUBLIC_MAPPINGS.map((p) => [`${p.comparison.source} ${p.comparison.framework}`, p] as const),
    )('%s agrees where it says and disagrees with a reason', (_name, p) => {
      const check = findCheck(p.check);
      expect(check?.meta.family).toBe(p.family);
      const ours = new Set(check?.meta.frameworks[p.comparison.framework] ?? []);
      const { theirs, agreed, disagreed } = p.comparison;
      for (const id of theirs) expect(WELL_FORMED[p.comparison.framework].test(id)).toBe(true);
      expect([...agreed, ...disagreed.map((d) => d.requirement)].sort()).toEqual(
        [...theirs].sort(),
      );
      for (const id of agreed) expect(ours.has(id), `${id} should be in our mapping`).toBe(true);
      for (const d of disagreed) {
        expect(ours.has(d.requirement), `${d.requirement} should not be in our mapping`).toBe(
          false,
        );
        expect(d.reason.length).toBeGreaterThan(20);
      }
    });
  });
});
