import { CHECK_METAS } from '../../checks/check-metas';
import { MAPPED_FRAMEWORK_DEFS } from '../../checks/frameworks/mappings/index';
import { MAPPED_FRAMEWORKS } from '../../checks/frameworks/mappings/types';
import type { Finding } from '../../core/finding';
import type { Cloud } from '../../core/provider';
import type { ComplianceReport } from '../../outputs/compliance/types';
import type { ObjectStore, RunRef } from '../types';
import { daysBefore } from './days';
import { ComplianceFold } from './evaluate';
import { readComplianceHistory } from './history';
import { RunResults } from './run-results';

/** Days of history the report's continuous-compliance view covers, this run's day included. */
export const REPORT_COMPLIANCE_DAYS = 30;

/**
 * The report's continuous-compliance view: the last 30 days of completed runs plus the run being
 * published (whose summary is not written yet, so it is added from its findings), for every
 * mapped framework. Reads only the runs' merged findings and summaries, not their snapshots, and
 * folds each run in as it is read: the view shows each day's status and the clusters that broke
 * a requirement, so no run's results or breaches are kept (`mk8s-audit evidence` lists them).
 */
export async function recentCompliance(args: {
  store: ObjectStore;
  run: RunRef;
  /** This run's findings, or their results counted as they were published. */
  findings: readonly Finding[] | RunResults;
  failedTargets: readonly { cloud: Cloud; label: string }[];
  days?: number;
}): Promise<ComplianceReport[]> {
  const to = args.run.date;
  const from = daysBefore(to, (args.days ?? REPORT_COMPLIANCE_DAYS) - 1);
  const current = `${args.run.date}/${args.run.runId}`;
  const folds = MAPPED_FRAMEWORKS.map(
    (id) =>
      new ComplianceFold({
        framework: MAPPED_FRAMEWORK_DEFS[id],
        checks: CHECK_METAS,
        from,
        to,
        detail: false,
      }),
  );
  // This run's own objects (from an earlier attempt to publish it) are not read: it is added below.
  const history = await readComplianceHistory(args.store, from, to, {
    targetObjects: false,
    except: current,
    onRun(run) {
      for (const fold of folds) fold.add(run);
    },
  });
  const results =
    args.findings instanceof RunResults ? args.findings : RunResults.of(args.findings);
  const run = {
    date: args.run.date,
    runId: args.run.runId,
    results,
    failedTargets: [...args.failedTargets],
    runObjects: [],
    targetObjects: [],
  };
  for (const fold of folds) fold.add(run);
  const incomplete = history.incomplete.filter((id) => !id.startsWith(`${current} `));
  return folds.map((fold) => fold.result(incomplete));
}
