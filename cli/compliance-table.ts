import type { ComplianceReport, RequirementCompliance } from '../outputs/compliance/types';
import { renderTable } from './table';

export const percent = (r: RequirementCompliance): string =>
  r.share === undefined ? 'n/a' : `${(r.share * 100).toFixed(1)}%`;

/** `12, 14-16`: days of a month as ranges, for a short table cell. */
export function dayList(dates: readonly string[]): string {
  if (dates.length === 0) return '-';
  const out: string[] = [];
  let start = dates[0] ?? '';
  let prev = start;
  const next = (d: string) =>
    new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  for (const d of [...dates.slice(1), '']) {
    if (d !== '' && d === next(prev)) {
      prev = d;
      continue;
    }
    out.push(start === prev ? start : `${start}..${prev}`);
    start = d;
    prev = d;
  }
  return out.join(', ');
}

/** `mk8s-audit compliance`: one row per requirement. */
export function formatCompliance(report: ComplianceReport, source: string): string {
  const rows = report.requirements.map((r) => [
    r.id,
    `${r.compliantDays}/${r.auditedDays}`,
    percent(r),
    dayList(r.days.filter((d) => d.status === 'broken').map((d) => d.date)),
    String(r.notEvidencedDays),
    r.brokenClusters.length > 4
      ? `${r.brokenClusters.slice(0, 4).join(', ')} (+${r.brokenClusters.length - 4})`
      : r.brokenClusters.join(', ') || '-',
    r.title,
  ]);
  const { framework } = report;
  const out = [
    `${framework.title} ${framework.version} (${framework.id}), ${report.from} to ${report.to} (${report.days.length} days, ${report.daysWithRuns.length} with a completed run) from ${source}`,
    '',
    renderTable(
      [
        'requirement',
        'days met',
        'share',
        'broken on',
        'not evidenced',
        'clusters that broke it',
        'title',
      ],
      rows,
      ['left', 'right', 'right'],
    ),
    '',
    'A day counts as met when every check mapped to the requirement passed on every in-scope cluster in every completed run of the day; a day without a completed run is not evidenced. --json gives every day with its breaches, gaps and the SHA-256 of the findings and snapshots.',
  ];
  if (report.manual.length > 0) {
    out.push(`Not scored (manual or provider side): ${report.manual.map((m) => m.id).join(', ')}.`);
  }
  if (report.incompleteRuns.length > 0) {
    out.push(`Runs not used: ${report.incompleteRuns.join('; ')}.`);
  }
  return out.join('\n');
}
