import { complianceMappings } from '../checks/frameworks/mappings/index';
import { PUBLIC_MAPPINGS } from '../checks/frameworks/mappings/public-mappings';
import type { Framework } from '../checks/frameworks/types';
import type { AnyCheck } from '../core/check';
import { frameworkCoverage } from './catalog-table';

/**
 * `mk8s-audit checks --framework <id> --json`: every requirement with the checks that give
 * evidence for it and why (the theme's one-line rationale), plus the published mappings ours was
 * compared with.
 */
export function frameworkDetail(framework: Framework, checks: readonly AnyCheck[]) {
  const { requirements, unknownCitations } = frameworkCoverage(framework, checks);
  const byId = new Map(checks.map((c) => [c.meta.id, c]));
  return {
    framework: { id: framework.id, title: framework.title, version: framework.version },
    requirements: requirements.map((r) => ({
      id: r.id,
      title: r.title,
      assessment: r.assessment,
      ...(r.note ? { note: r.note } : {}),
      checks: r.checks.map((id) => {
        const check = byId.get(id);
        const mapping = check
          ? complianceMappings(check.meta).find(
              (m) => m.framework === framework.id && m.requirement === r.id,
            )
          : undefined;
        return mapping
          ? {
              id,
              provider: check?.meta.provider,
              theme: mapping.theme,
              rationale: mapping.rationale,
            }
          : { id, provider: check?.meta.provider };
      }),
    })),
    comparedWith: PUBLIC_MAPPINGS.filter((p) => p.comparison.framework === framework.id).map(
      (p) => ({
        family: p.family,
        check: p.check,
        ...p.comparison,
        ...(p.note ? { note: p.note } : {}),
      }),
    ),
    unknownCitations,
  };
}

/** Lines after the table: how our mapping compares with the published ones for this framework. */
export function comparisonLines(frameworkId: string): string[] {
  const comparisons = PUBLIC_MAPPINGS.filter((p) => p.comparison.framework === frameworkId);
  if (comparisons.length === 0) return [];
  const lines = ['', 'Compared with published mappings (--json for the reasons):'];
  for (const p of comparisons) {
    const { source, agreed, disagreed } = p.comparison;
    const parts = [
      agreed.length > 0 ? `agree ${agreed.join(', ')}` : '',
      disagreed.length > 0 ? `disagree ${disagreed.map((d) => d.requirement).join(', ')}` : '',
    ].filter((s) => s.length > 0);
    lines.push(`  ${source} vs ${p.check}: ${parts.join('; ')}`);
  }
  return lines;
}
