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

/** What one run says of one requirement. */
interface RunJudgement {
  inScope: boolean;
  breachCount: number;
  gapCount: number;
  /** Names of the clusters that broke it. */
  brokenClusters: string[];
  /** With detail only: the breaches and gaps themselves, and the evidence objects. */
  breaches: Breach[];
  gaps: string[];
  evidence: EvidenceObject[];
}

/** One run judged for one requirement. */
function judgeRun(run: HistoryRun, checks: readonly MappedCheck[], detail: boolean): RunJudgement {
  const providers = new Set<Provider>(checks.map((c) => c.provider));
  const clouds = new Set([...providers].map((p) => CLOUD_OF[p]));
  const judged: RunJudgement = {
    inScope: false,
    breachCount: 0,
    gapCount: 0,
    brokenClusters: [],
    breaches: [],
    gaps: [],
    evidence: [],
  };
  const gap = (text: () => string) => {
    judged.gapCount += 1;
    if (detail) judged.gaps.push(text());
  };
  for (const t of run.failedTargets) {
    if (clouds.has(t.cloud)) gap(() => `run ${run.runId}: target ${t.label} could not be audited`);
  }
  // In scope: every cluster of a cloud the requirement's checks cover, seen by any check.
  const clusters = [...run.results.clusters].filter(([, c]) => providers.has(c.provider));
  judged.inScope = clusters.length > 0;
  for (const [clusterId, cluster] of clusters) {
    let broken = false;
    for (const check of checks.filter((c) => c.provider === cluster.provider)) {
      const results = run.results.results(check.id, clusterId);
      if (results.count === 0) {
        gap(() => `run ${run.runId}: no result of ${check.id} on ${cluster.name}`);
        continue;
      }
      for (const f of results.notPassing) {
        if (f.status === 'fail') {
          broken = true;
          judged.breachCount += 1;
          if (!detail) continue;
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
          judged.breaches.push(breach);
        } else if (f.status === 'unknown') {
          gap(() => `run ${run.runId}: ${check.id} on ${cluster.name} is unknown: ${f.message}`);
        }
      }
    }
    if (broken) judged.brokenClusters.push(cluster.name);
  }
  if (detail) {
    judged.evidence = [
      ...run.runObjects,
      ...run.targetObjects.filter((t) => clouds.has(t.cloud)).flatMap((t) => t.objects),
    ];
  }
  return judged;
}

/** A day of one requirement, its runs folded in one at a time. */
interface DayFold {
  runs: string[];
  inScope: boolean;
  breachCount: number;
  gapCount: number;
  breaches: Breach[];
  gaps: string[];
  evidence: EvidenceObject[];
}

function dayOf(date: string, fold: DayFold | undefined, mapped: boolean): RequirementDay {
  if (!fold) {
    return {
      date,
      status: 'not_evidenced',
      runs: [],
      breaches: [],
      gaps: ['no completed run'],
      evidence: [],
    };
  }
  if (!mapped) {
    return {
      date,
      status: 'not_evidenced',
      runs: fold.runs,
      breaches: [],
      gaps: ['no check maps to this requirement'],
      evidence: [],
    };
  }
  let status: DayStatus;
  if (fold.breachCount > 0) status = 'broken';
  else if (fold.gapCount > 0) status = 'not_evidenced';
  else status = fold.inScope ? 'compliant' : 'no_scope';
  return {
    date,
    status,
    runs: fold.runs,
    breaches: fold.breaches,
    gaps: fold.gaps,
    evidence: fold.evidence,
  };
}

interface RequirementFold {
  req: Framework['requirements'][number];
  checks: MappedCheck[];
  days: Map<string, DayFold>;
  brokenClusters: Set<string>;
}

export interface ComplianceArgs {
  framework: Framework;
  checks: readonly { meta: Pick<CheckMeta, 'id' | 'provider' | 'frameworks'> }[];
  from: string;
  to: string;
  /**
   * false: each day's status and the clusters that broke each requirement only, with no list of
   * breaches, gaps or evidence (the report's view, which shows no more): a run's results can then
   * be dropped as soon as it is added.
   */
  detail?: boolean;
}

/**
 * Per requirement of `framework`, the days of `from`..`to` on which every mapped check passed on
 * every in-scope cluster in every completed run of the day, with runs added one at a time. A day
 * without a completed run is not evidenced (never compliant); a failure on any run of the day
 * breaks it.
 */
export class ComplianceFold {
  private readonly days: string[];
  private readonly daysWithRuns = new Set<string>();
  private readonly requirements: RequirementFold[];
  private readonly detail: boolean;

  constructor(private readonly args: ComplianceArgs) {
    const { framework } = args;
    this.detail = args.detail !== false;
    this.days = daysBetween(args.from, args.to);
    this.requirements = framework.requirements
      .filter((r) => r.assessment === 'automated')
      .map((req) => ({
        req,
        checks: args.checks
          .filter((c) => (c.meta.frameworks[framework.id] ?? []).includes(req.id))
          .map((c) => ({ id: c.meta.id, provider: c.meta.provider })),
        days: new Map(),
        brokenClusters: new Set(),
      }));
  }

  add(run: HistoryRun): void {
    this.daysWithRuns.add(run.date);
    for (const r of this.requirements) {
      let fold = r.days.get(run.date);
      if (!fold) {
        fold = {
          runs: [],
          inScope: false,
          breachCount: 0,
          gapCount: 0,
          breaches: [],
          gaps: [],
          evidence: [],
        };
        r.days.set(run.date, fold);
      }
      fold.runs.push(run.runId);
      if (r.checks.length === 0) continue;
      const judged = judgeRun(run, r.checks, this.detail);
      fold.inScope ||= judged.inScope;
      fold.breachCount += judged.breachCount;
      fold.gapCount += judged.gapCount;
      fold.breaches.push(...judged.breaches);
      fold.gaps.push(...judged.gaps);
      fold.evidence.push(...judged.evidence);
      for (const name of judged.brokenClusters) r.brokenClusters.add(name);
    }
  }

  result(incompleteRuns: readonly string[] = []): ComplianceReport {
    const { framework } = this.args;
    const requirements: RequirementCompliance[] = this.requirements.map((r) => {
      const judged = this.days.map((d) => dayOf(d, r.days.get(d), r.checks.length > 0));
      const count = (s: DayStatus) => judged.filter((d) => d.status === s).length;
      const noScopeDays = count('no_scope');
      const auditedDays = this.days.length - noScopeDays;
      const compliantDays = count('compliant');
      const result: RequirementCompliance = {
        id: r.req.id,
        title: r.req.title,
        checks: r.checks.map((c) => c.id),
        compliantDays,
        brokenDays: count('broken'),
        notEvidencedDays: count('not_evidenced'),
        noScopeDays,
        auditedDays,
        brokenClusters: [...r.brokenClusters].sort(),
        days: judged,
      };
      if (auditedDays > 0) result.share = compliantDays / auditedDays;
      return result;
    });
    return {
      framework: { id: framework.id, title: framework.title, version: framework.version },
      from: this.args.from,
      to: this.args.to,
      days: this.days,
      daysWithRuns: this.days.filter((d) => this.daysWithRuns.has(d)),
      incompleteRuns: [...incompleteRuns],
      requirements,
      manual: framework.requirements
        .filter((r) => r.assessment === 'manual')
        .map((r) =>
          r.note ? { id: r.id, title: r.title, note: r.note } : { id: r.id, title: r.title },
        ),
    };
  }
}

/** The compliance of `runs` (every detail): a fold of them all. */
export function evaluateCompliance(
  args: ComplianceArgs & { runs: readonly HistoryRun[]; incompleteRuns?: readonly string[] },
): ComplianceReport {
  const fold = new ComplianceFold(args);
  for (const run of args.runs) fold.add(run);
  return fold.result(args.incompleteRuns);
}
