import type { Framework } from '../checks/frameworks/types';
import type { AnyCheck } from '../core/check';
import { Provider } from '../core/provider';
import { renderTable } from './table';

/** CIS requirement ids a check cites (from every `cis-*` framework it maps to). */
export function cisIds(check: AnyCheck): string[] {
  return Object.entries(check.meta.frameworks)
    .filter(([framework]) => framework.startsWith('cis-'))
    .flatMap(([, ids]) => ids);
}

/** Checks in catalog order: by provider (EKS, GKE, AKS), then id. */
export function catalogOrder(checks: readonly AnyCheck[]): AnyCheck[] {
  const rank = (c: AnyCheck) => Provider.options.indexOf(c.meta.provider);
  return [...checks].sort((a, b) => rank(a) - rank(b) || a.meta.id.localeCompare(b.meta.id));
}

/** `mk8s-audit checks`: one row per check. */
export function formatCatalog(checks: readonly AnyCheck[]): string {
  const rows = catalogOrder(checks).map((c) => [
    c.meta.id,
    c.meta.provider,
    c.meta.severity,
    c.meta.family,
    cisIds(c).join(', ') || '-',
    c.meta.title,
  ]);
  return `${renderTable(['id', 'provider', 'severity', 'family', 'CIS', 'title'], rows)}\n\n${checks.length} check${checks.length === 1 ? '' : 's'}`;
}

/** The checks that cite each requirement of a framework, and which requirements are manual-only. */
export function frameworkCoverage(framework: Framework, checks: readonly AnyCheck[]) {
  const ordered = catalogOrder(checks);
  const citing = (id: string) =>
    ordered
      .filter((c) => (c.meta.frameworks[framework.id] ?? []).includes(id))
      .map((c) => c.meta.id);
  const known = new Set(framework.requirements.map((r) => r.id));
  return {
    requirements: framework.requirements.map((r) => ({ ...r, checks: citing(r.id) })),
    /** Check citations of ids the framework does not have (a typo in check metadata). */
    unknownCitations: ordered.flatMap((c) =>
      (c.meta.frameworks[framework.id] ?? [])
        .filter((id) => !known.has(id))
        .map((id) => ({ checkId: c.meta.id, requirement: id })),
    ),
  };
}

/** `mk8s-audit checks --framework <id>`: requirement → checks. */
export function formatFramework(framework: Framework, checks: readonly AnyCheck[]): string {
  const { requirements, unknownCitations } = frameworkCoverage(framework, checks);
  const rows = requirements.map((r) => [
    r.id,
    r.assessment,
    r.checks.length > 0 ? r.checks.join(', ') : r.assessment === 'manual' ? '(manual)' : '-',
    r.note ? `${r.title} (${r.note})` : r.title,
  ]);
  const covered = requirements.filter((r) => r.checks.length > 0).length;
  const manual = requirements.filter((r) => r.assessment === 'manual').length;
  const open = requirements.filter((r) => r.assessment === 'automated' && r.checks.length === 0);
  const out = [
    `${framework.title} ${framework.version} (${framework.id})`,
    '',
    renderTable(['requirement', 'assessment', 'checks', 'title'], rows),
    '',
    `${requirements.length} requirements: ${covered} covered by checks, ${manual} manual-only, ${open.length} automatable without a check yet.`,
  ];
  for (const u of unknownCitations) {
    out.push(`warning: ${u.checkId} cites ${u.requirement}, which ${framework.id} does not have`);
  }
  return out.join('\n');
}
