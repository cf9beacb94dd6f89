import type { AnyCheck, CheckMeta } from '../../../core/check';
import { HIPAA_SECURITY_RULE } from '../hipaa-security-rule';
import { ISO_27001_2022 } from '../iso-27001-2022';
import { NIST_800_53_R5 } from '../nist-800-53-r5';
import { PCI_DSS_4_0_1 } from '../pci-dss-4.0.1';
import { SOC2_2017 } from '../soc2-2017';
import type { Framework } from '../types';
import { CHECK_THEMES, FAMILY_THEMES } from './families';
import { THEMES, type ThemeId } from './themes';
import { type ComplianceMapping, MAPPED_FRAMEWORKS, type MappedFrameworkId } from './types';

/** The frameworks mapped through themes, by id. */
export const MAPPED_FRAMEWORK_DEFS: Readonly<Record<MappedFrameworkId, Framework>> = {
  'pci-dss-4.0.1': PCI_DSS_4_0_1,
  'soc2-2017': SOC2_2017,
  'hipaa-security-rule': HIPAA_SECURITY_RULE,
  'iso-27001-2022': ISO_27001_2022,
  'nist-800-53-r5': NIST_800_53_R5,
};

/** The themes a check serves: its family's, then its own additions. */
export function themesOf(meta: Pick<CheckMeta, 'id' | 'family'>): ThemeId[] {
  const themes = [...(FAMILY_THEMES[meta.family] ?? []), ...(CHECK_THEMES[meta.id] ?? [])];
  return [...new Set(themes)];
}

function titleOf(framework: MappedFrameworkId, requirement: string): string {
  const req = MAPPED_FRAMEWORK_DEFS[framework].requirements.find((r) => r.id === requirement);
  // The catalog test guarantees every theme cites an existing requirement.
  return req?.title ?? requirement;
}

/** Every framework requirement a check gives evidence for, with title and rationale. */
export function complianceMappings(meta: Pick<CheckMeta, 'id' | 'family'>): ComplianceMapping[] {
  const out: ComplianceMapping[] = [];
  const seen = new Set<string>();
  for (const themeId of themesOf(meta)) {
    const theme = THEMES.find((t) => t.id === themeId);
    if (!theme) continue;
    const reqs: Partial<
      Record<MappedFrameworkId, readonly { requirement: string; rationale: string }[]>
    > = theme.requirements;
    for (const framework of MAPPED_FRAMEWORKS) {
      for (const ref of reqs[framework] ?? []) {
        const key = `${framework} ${ref.requirement}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({
          framework,
          requirement: ref.requirement,
          title: titleOf(framework, ref.requirement),
          rationale: ref.rationale,
          theme: themeId,
        });
      }
    }
  }
  return out;
}

/** A check's framework citations: its own (CIS) plus the theme mappings, requirement ids only. */
export function frameworksWithMappings(
  meta: Pick<CheckMeta, 'id' | 'family' | 'frameworks'>,
): Record<string, string[]> {
  const frameworks: Record<string, string[]> = {};
  for (const [id, reqs] of Object.entries(meta.frameworks)) frameworks[id] = [...reqs];
  for (const m of complianceMappings(meta)) {
    const list = frameworks[m.framework] ?? [];
    if (!list.includes(m.requirement)) list.push(m.requirement);
    frameworks[m.framework] = list;
  }
  return frameworks;
}

/**
 * The registry's view of a check: the same check, whose metadata also cites the mapped
 * frameworks, so findings, ASFF, OCSF and the report carry them without each knowing the themes.
 */
export function withComplianceMappings<C extends AnyCheck>(check: C): C {
  return { ...check, meta: { ...check.meta, frameworks: frameworksWithMappings(check.meta) } };
}
