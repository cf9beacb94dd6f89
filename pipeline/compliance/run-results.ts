import type { Finding } from '../../core/finding';
import type { Provider } from '../../core/provider';

/** A result the compliance view reports on: a failure (a breach) or an unknown (a gap). */
export type NotPassing = Pick<Finding, 'id' | 'status' | 'message' | 'muted'>;

/** The results of one check on one cluster: how many, and those that did not pass, in order. */
export interface CheckResults {
  count: number;
  notPassing: NotPassing[];
}

/**
 * What the continuous-compliance view needs of a run's findings, counted one finding at a time:
 * the clusters seen and, per cluster and check, how many results and the ones that did not pass.
 * A run's passing results are numbers here, not findings, and a result is found by lookup
 * rather than by a scan of every finding per cluster and check.
 */
export class RunResults {
  /** Resource id → its name (as the last result names it) and provider, in order of first sight. */
  readonly clusters = new Map<string, { name: string; provider: Provider }>();
  private readonly byCluster = new Map<string, Map<string, CheckResults | number>>();
  /** One string per check id, so the maps do not keep a copy per finding. */
  private readonly checkIds = new Map<string, string>();

  add(f: Finding): void {
    const known = this.clusters.get(f.resourceId);
    if (!known || known.name !== f.resourceName || known.provider !== f.provider) {
      this.clusters.set(f.resourceId, { name: f.resourceName, provider: f.provider });
    }
    let checks = this.byCluster.get(f.resourceId);
    if (!checks) {
      checks = new Map();
      this.byCluster.set(f.resourceId, checks);
    }
    let checkId = this.checkIds.get(f.checkId);
    if (checkId === undefined) {
      checkId = f.checkId;
      this.checkIds.set(checkId, checkId);
    }
    const entry = checks.get(checkId);
    const passing = f.status !== 'fail' && f.status !== 'unknown';
    if (passing) {
      if (entry === undefined) checks.set(checkId, 1);
      else if (typeof entry === 'number') checks.set(checkId, entry + 1);
      else entry.count += 1;
      return;
    }
    const result: NotPassing = { id: f.id, status: f.status, message: f.message };
    if (f.muted) result.muted = true;
    if (entry === undefined) checks.set(checkId, { count: 1, notPassing: [result] });
    else if (typeof entry === 'number')
      checks.set(checkId, { count: entry + 1, notPassing: [result] });
    else {
      entry.count += 1;
      entry.notPassing.push(result);
    }
  }

  /** The results of `checkId` on `resourceId` (count 0 when it has none). */
  results(checkId: string, resourceId: string): CheckResults {
    const entry = this.byCluster.get(resourceId)?.get(checkId);
    if (entry === undefined) return { count: 0, notPassing: [] };
    return typeof entry === 'number' ? { count: entry, notPassing: [] } : entry;
  }

  static of(findings: readonly Finding[]): RunResults {
    const results = new RunResults();
    for (const f of findings) results.add(f);
    return results;
  }
}
