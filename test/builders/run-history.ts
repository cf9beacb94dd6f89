import type { Status } from '../../core/check';
import type { Finding } from '../../core/finding';
import { type Target, targetLabel } from '../../core/target';
import { findingsJson } from '../../outputs/findings-json';
import { keys } from '../../pipeline/keys';
import type { ObjectStore } from '../../pipeline/types';
import { eksFinding } from './finding';

export const AWS_TARGET: Target = { cloud: 'aws', account: '012345678910', region: 'us-west-2' };

/** An EKS cluster's ARN in the test account. */
export const clusterArn = (name: string) => `arn:aws:eks:us-west-2:012345678910:cluster/${name}`;

/** A finding of `checkId` on cluster `name` with `status`. */
export function result(checkId: string, name: string, status: Status): Finding {
  return eksFinding({ checkId, resourceId: clusterArn(name), resourceName: name, status });
}

export interface StoredRun {
  date: string;
  runId: string;
  findings: Finding[];
  /** The target failed to be audited (its findings are then absent). */
  failed?: boolean;
  /** Stop before publish: no findings.json, no run-summary.json. */
  incomplete?: boolean;
}

/**
 * Writes a run the way the pipeline lays it out: the target's snapshot and findings, the merged
 * findings.json and run-summary.json (only the parts the compliance view reads, plus format).
 */
export async function storeRun(store: ObjectStore, r: StoredRun): Promise<void> {
  const run = { date: r.date, runId: r.runId };
  const snapshot = JSON.stringify({
    provider: 'eks',
    clusters: r.findings.map((f) => f.resourceName),
  });
  await store.put(keys.snapshot(run, AWS_TARGET), snapshot, 'application/json');
  await store.put(
    keys.targetFindings(run, AWS_TARGET),
    findingsJson(r.findings),
    'application/json',
  );
  if (r.incomplete) return;
  await store.put(keys.findings(run), findingsJson(r.findings), 'application/json');
  const summary = {
    format: 'mk8s-audit-run-summary',
    version: 1,
    run,
    targets: {
      total: 1,
      results: [
        {
          target: AWS_TARGET,
          label: targetLabel(AWS_TARGET),
          status: r.failed ? 'failed' : 'ok',
          resultKey: keys.targetResult(run, AWS_TARGET),
        },
      ],
    },
  };
  await store.put(keys.summary(run), JSON.stringify(summary, null, 2), 'application/json');
}
