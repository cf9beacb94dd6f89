import type { Framework } from '../../checks/frameworks/types';
import type { CheckMeta } from '../../core/check';
import { CLOUD_OF, type Provider } from '../../core/provider';
import type {
  Breach,
  ComplianceReport,
  DayStatus,
  EvidenceObject,
  RequirementCompliance,
  RequirementDay,
} from '../../outputs/compliance/types';
import { daysBetween } from './days';
import type { HistoryRun } from './history';

export { daysBetween } from './days';

type MappedCheck = Pick<CheckMeta, 'id' | 'provider'>;

/** One run judged for one requirement. */
function judgeRun(run: HistoryRun, checks: readonly MappedCheck[]) {
  const providers = new Set<Provider>(checks.map((c) => c.provider));
  const clouds = new Set([...providers].map((p) => CLOUD_OF[p]));
  const breaches: Breach[] = [];
  const gaps: string[] = [];
  for (const t of run.failedTargets) {
    if (clouds.has(t.cloud)) gaps.push(`run ${run.runId}: target ${t.label} could not be audited`);
  }
  // In scope: every cluster of a cloud the requirement's checks cover, seen by any check.
  const clusters = [...run.results.clusters].filter(([, c]) => providers.has(c.provider));
  for (const [clusterId, cluster] of clusters) {
    for (const check of checks.filter((c) => c.provider === cluster.provider)) {
      const results = run.results.results(check.id, clusterId);
      if (results.count === 0) {
        gaps.push(`run ${run.runId}: no result of ${check.id} on ${cluster.name}`);
        continue;
      }
      for (const f of results.notPassing) {
        if (f.status === 'fail') {
          const breach: Breach = {
            runId: run.runId,
            cluster: clusterId,
            clusterName: cluster.name,
            provider: cluster.provider,
            checkId: check.id,
            findingId: f.id,
            message: f.message,
          };
          if (f.muted) breach.muted = true;
          breaches.push(breach);
        } else if (f.status === 'unknown') {
          gaps.push(`run ${run.runId}: ${check.id} on ${cluster.name} is unknown: ${f.message}`);
        }
      }
    }
  }
  const evidence: EvidenceObject[] = [
    ...run.runObjects,
    ...run.targetObjects.filter((t) => clouds.has(t.cloud)).flatMap((t) => t.objects),
  ];
  return { inScope: clusters.length > 0, breaches, gaps, evidence };
}

function judgeDay(
  date: string,
  runs: readonly HistoryRun[],
  checks: readonly MappedCheck[],
): RequirementDay {
  if (runs.length === 0) {
    return {
      date,
      status: 'not_evidenced',
      runs: [],
      breaches: [],
      gaps: ['no completed run'],
      evidence: [],
    };
  }
  if (checks.length === 0) {
    return {
      date,
      status: 'not_evidenced',
      runs: runs.map((r) => r.runId),
      breaches: [],
      gaps: ['no check maps to this requirement'],
      evidence: [],
    };
  }
  const judged = runs.map((r) => judgeRun(r, checks));
  const breaches = judged.flatMap((j) => j.breaches);
  const gaps = judged.flatMap((j) => j.gaps);
  const inScope = judged.some((j) => j.inScope);
  let status: DayStatus;
  if (breaches.length > 0) status = 'broken';
  else if (gaps.length > 0) status = 'not_evidenced';
  else status = inScope ? 'compliant' : 'no_scope';
  return {
    date,
    status,
    runs: runs.map((r) => r.runId),
    breaches,
    gaps,
    evidence: judged.flatMap((j) => j.evidence),
  };
}

/**
 * Per requirement of `framework`, the days of `from`..`to` on which every mapped check passed on
 * every in-scope cluster in every completed run of the day. A day without a completed run is not
 * evidenced (never compliant); a failure on any run of the day breaks it.
 */
export function evaluateCompliance(args: {
  framework: Framework;
  checks: readonly { meta: Pick<CheckMeta, 'id' | 'provider' | 'frameworks'> }[];
  runs: readonly HistoryRun[];
  incompleteRuns?: readonly string[];
  from: string;
  to: string;
}): ComplianceReport {
  const { framework } = args;
  const days = daysBetween(args.from, args.to);
  const runsByDay = new Map<string, HistoryRun[]>();
  for (const r of args.runs) runsByDay.set(r.date, [...(runsByDay.get(r.date) ?? []), r]);
  const automated = framework.requirements.filter((r) => r.assessment === 'automated');
  const requirements: RequirementCompliance[] = automated.map((req) => {
    const checks = args.checks
      .filter((c) => (c.meta.frameworks[framework.id] ?? []).includes(req.id))
      .map((c) => ({ id: c.meta.id, provider: c.meta.provider }));
    const judged = days.map((d) => judgeDay(d, runsByDay.get(d) ?? [], checks));
    const count = (s: DayStatus) => judged.filter((d) => d.status === s).length;
    const noScopeDays = count('no_scope');
    const auditedDays = days.length - noScopeDays;
    const compliantDays = count('compliant');
    const result: RequirementCompliance = {
      id: req.id,
      title: req.title,
      checks: checks.map((c) => c.id),
      compliantDays,
      brokenDays: count('broken'),
      notEvidencedDays: count('not_evidenced'),
      noScopeDays,
      auditedDays,
      brokenClusters: [
        ...new Set(judged.flatMap((d) => d.breaches.map((b) => b.clusterName))),
      ].sort(),
      days: judged,
    };
    if (auditedDays > 0) result.share = compliantDays / auditedDays;
    return result;
  });
  return {
    framework: { id: framework.id, title: framework.title, version: framework.version },
    from: args.from,
    to: args.to,
    days,
    daysWithRuns: days.filter((d) => runsByDay.has(d)),
    incompleteRuns: [...(args.incompleteRuns ?? [])],
    requirements,
    manual: framework.requirements
      .filter((r) => r.assessment === 'manual')
      .map((r) =>
        r.note ? { id: r.id, title: r.title, note: r.note } : { id: r.id, title: r.title },
      ),
  };
}
