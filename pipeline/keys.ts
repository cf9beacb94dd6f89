import { type Target, targetLabel } from '../core/target';
import type { RunRef } from './types';

/** `runs/date=YYYY-MM-DD/run=<id>/`: partitioned by day for Athena. */
export function runPrefix(run: RunRef): string {
  return `runs/date=${run.date}/run=${run.runId}/`;
}

/** A target's folder name: its label with characters S3 and Athena dislike replaced. */
export function targetSlug(target: Target): string {
  return targetLabel(target).replace(/[^A-Za-z0-9._-]+/g, '_');
}

export const keys = {
  targets: (run: RunRef) => `${runPrefix(run)}targets.json`,
  /** The Distributed Map's items: a JSON array of the run's targets, next to `targets.json`. */
  mapItems: (run: RunRef) => `${runPrefix(run)}map-items.json`,
  targetPrefix: (run: RunRef, t: Target) => `${runPrefix(run)}targets/${targetSlug(t)}/`,
  snapshot: (run: RunRef, t: Target) => `${keys.targetPrefix(run, t)}snapshot.json`,
  targetFindings: (run: RunRef, t: Target) => `${keys.targetPrefix(run, t)}findings.json`,
  targetResult: (run: RunRef, t: Target) => `${keys.targetPrefix(run, t)}result.json`,
  /** The cluster objects discover listed for the target (GKE, AKS), read by its audit. */
  listed: (run: RunRef, t: Target) => `${keys.targetPrefix(run, t)}listed.json`,
  findings: (run: RunRef) => `${runPrefix(run)}findings.json`,
  summary: (run: RunRef) => `${runPrefix(run)}run-summary.json`,
};

/** Objects outside the runs: the latest report and the run history its trend reads. */
export const reportKeys = {
  latest: 'reports/latest.html',
  history: 'reports/history.json',
};

/**
 * Athena's copy of each run's findings as JSON Lines, in a tree of its own: Athena reads every
 * object under a partition's location, and a run's folder also holds JSON arrays, snapshots and
 * HTML. Partitioned by day like the runs: `findings-history/date=YYYY-MM-DD/run=<id>.jsonl`.
 */
export const FINDINGS_HISTORY_PREFIX = 'findings-history/';
export const findingsLinesKey = (run: RunRef): string =>
  `${FINDINGS_HISTORY_PREFIX}date=${run.date}/run=${run.runId}.jsonl`;
