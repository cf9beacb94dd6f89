import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../checks/frameworks/types';
import type { Status } from '../../../core/check';
import { createFsStore } from '../../../outputs/fs-store';
import {
  ComplianceFold,
  daysBetween,
  evaluateCompliance,
} from '../../../pipeline/compliance/evaluate';
import { readComplianceHistory } from '../../../pipeline/compliance/history';
import { result, storeRun } from '../../builders/run-history';

const FW: Framework = {
  id: 'test-fw',
  title: 'Test framework',
  version: '1',
  requirements: [
    { id: 'R1', title: 'Endpoint private', assessment: 'automated' },
    { id: 'R2', title: 'A GKE-only control', assessment: 'automated' },
    { id: 'R3', title: 'Two EKS checks', assessment: 'automated' },
    { id: 'M1', title: 'Physical', assessment: 'manual', note: 'provider side' },
  ],
};
const CHECKS = [
  { meta: { id: 'eks-a', provider: 'eks' as const, frameworks: { 'test-fw': ['R1', 'R3'] } } },
  { meta: { id: 'eks-b', provider: 'eks' as const, frameworks: { 'test-fw': ['R3'] } } },
  { meta: { id: 'gke-c', provider: 'gke' as const, frameworks: { 'test-fw': ['R2'] } } },
];

const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}`;

/**
 * November 2026 (30 days). Cluster alpha every day, cluster beta from the 10th.
 * - no run at all: 5, 6, 20; only an unfinished run (no summary): 28;
 * - eks-a fails on alpha: 3, 4; on beta: 15; day 12 has two runs, the second fails on alpha;
 * - eks-a unknown on beta: 25; the AWS target failed: 8;
 * - eks-b fails on beta: 17 (R3 only); eks-b has no result on alpha on day 22 (R3 only).
 */
function statusOf(check: string, cluster: string, n: number, second = false): Status | undefined {
  if (check === 'eks-a') {
    if (cluster === 'alpha' && (n === 3 || n === 4 || (n === 12 && second))) return 'fail';
    if (cluster === 'beta' && n === 15) return 'fail';
    if (cluster === 'beta' && n === 25) return 'unknown';
    return 'pass';
  }
  if (check === 'eks-b') {
    if (cluster === 'beta' && n === 17) return 'fail';
    if (cluster === 'alpha' && n === 22) return undefined;
    return 'pass';
  }
  return undefined;
}

function findingsOf(n: number, second = false) {
  const clusters = n >= 10 ? ['alpha', 'beta'] : ['alpha'];
  return clusters.flatMap((c) =>
    ['eks-a', 'eks-b'].flatMap((check) => {
      const s = statusOf(check, c, n, second);
      return s ? [result(check, c, s)] : [];
    }),
  );
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-compliance-'));
  const store = createFsStore(dir);
  for (let n = 1; n <= 30; n++) {
    if (n === 5 || n === 6 || n === 20) continue;
    const date = day(n);
    if (n === 28) {
      await storeRun(store, { date, runId: 'r28', findings: findingsOf(n), incomplete: true });
      continue;
    }
    if (n === 8) {
      await storeRun(store, { date, runId: 'r08', findings: [], failed: true });
      continue;
    }
    await storeRun(store, { date, runId: `r${n}a`, findings: findingsOf(n) });
    if (n === 12) await storeRun(store, { date, runId: 'r12b', findings: findingsOf(n, true) });
  }
  // A run outside the period is not read.
  await storeRun(store, {
    date: '2026-12-01',
    runId: 'dec',
    findings: [result('eks-a', 'alpha', 'fail')],
  });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function report() {
  const history = await readComplianceHistory(createFsStore(dir), day(1), day(30));
  return {
    history,
    report: evaluateCompliance({
      framework: FW,
      checks: CHECKS,
      runs: history.runs,
      incompleteRuns: history.incomplete,
      from: day(1),
      to: day(30),
    }),
  };
}

describe('continuous compliance over a 30-day history with gaps', () => {
  it('lists every day of the period, inclusive, across a month end', () => {
    expect(daysBetween('2026-11-29', '2026-12-02')).toEqual([
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(daysBetween(day(1), day(30))).toHaveLength(30);
  });

  it('reads the completed runs of the period only, and names the unfinished one', async () => {
    const { history, report: r } = await report();
    expect(history.runs.map((x) => x.runId)).not.toContain('dec');
    expect(history.runs).toHaveLength(27); // 30 days − 3 without runs − 1 unfinished + a second run on the 12th
    expect(history.incomplete).toEqual(['2026-11-28/r28 (no run summary)']);
    expect(r.daysWithRuns).toHaveLength(26);
  });

  it('counts a day without a completed run as not evidenced, never compliant', async () => {
    const r1 = (await report()).report.requirements.find((r) => r.id === 'R1');
    const statusOn = (n: number) => r1?.days.find((d) => d.date === day(n))?.status;
    for (const n of [5, 6, 20, 28]) expect(statusOn(n)).toBe('not_evidenced');
    expect(r1?.days.find((d) => d.date === day(5))?.gaps).toEqual(['no completed run']);
  });

  it('R1: 20 of 30 days compliant; broken on 3, 4, 12, 15; not evidenced on 5, 6, 8, 20, 25, 28', async () => {
    const r1 = (await report()).report.requirements.find((r) => r.id === 'R1');
    const daysWith = (s: string) => r1?.days.filter((d) => d.status === s).map((d) => d.date);
    expect(daysWith('broken')).toEqual([day(3), day(4), day(12), day(15)]);
    expect(daysWith('not_evidenced')).toEqual([5, 6, 8, 20, 25, 28].map(day));
    expect(r1).toMatchObject({
      compliantDays: 20,
      brokenDays: 4,
      notEvidencedDays: 6,
      noScopeDays: 0,
      auditedDays: 30,
      brokenClusters: ['alpha', 'beta'],
    });
    expect(r1?.share).toBeCloseTo(20 / 30, 10);
    // The 12th: the first run passed, the second failed on alpha: the day is broken by run r12b.
    const d12 = r1?.days.find((d) => d.date === day(12));
    expect(d12?.runs).toEqual(['r12a', 'r12b']);
    expect(d12?.breaches.map((b) => [b.runId, b.clusterName, b.checkId])).toEqual([
      ['r12b', 'alpha', 'eks-a'],
    ]);
    expect(r1?.days.find((d) => d.date === day(8))?.gaps[0]).toContain('could not be audited');
    expect(r1?.days.find((d) => d.date === day(25))?.gaps[0]).toContain('is unknown');
  });

  it('R3 needs both checks on every cluster: a missing result is a gap, a failure of either breaks it', async () => {
    const r3 = (await report()).report.requirements.find((r) => r.id === 'R3');
    expect(r3?.days.find((d) => d.date === day(17))?.status).toBe('broken');
    expect(r3?.days.find((d) => d.date === day(22))?.gaps).toEqual([
      'run r22a: no result of eks-b on alpha',
    ]);
    expect(r3).toMatchObject({ compliantDays: 18, brokenDays: 5, notEvidencedDays: 7 });
  });

  it('R2 has no cluster in scope on days with runs: those days leave the denominator', async () => {
    // A GKE-only requirement: the failed AWS target of the 8th does not concern it.
    const r2 = (await report()).report.requirements.find((r) => r.id === 'R2');
    expect(r2).toMatchObject({
      compliantDays: 0,
      noScopeDays: 26,
      notEvidencedDays: 4,
      auditedDays: 4,
    });
    expect(r2?.share).toBe(0);
  });

  it('lists manual requirements apart, unscored', async () => {
    const { report: r } = await report();
    expect(r.requirements.map((x) => x.id)).toEqual(['R1', 'R2', 'R3']);
    expect(r.manual).toEqual([{ id: 'M1', title: 'Physical', note: 'provider side' }]);
  });

  it('cites the stored objects with their SHA-256, which match the files', async () => {
    const r1 = (await report()).report.requirements.find((r) => r.id === 'R1');
    const evidence = r1?.days.find((d) => d.date === day(15))?.evidence ?? [];
    expect(evidence.map((e) => e.kind).sort()).toEqual([
      'findings',
      'findings',
      'run-summary',
      'snapshot',
    ]);
    for (const e of evidence) {
      const bytes = await readFile(join(dir, e.key));
      expect(e.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(e.bytes).toBe(bytes.length);
    }
  });

  it("the report's status-only fold, one run at a time, judges every day as the full evaluation does", async () => {
    const full = (await report()).report;
    const fold = new ComplianceFold({
      framework: FW,
      checks: CHECKS,
      from: day(1),
      to: day(30),
      detail: false,
    });
    const read = await readComplianceHistory(createFsStore(dir), day(1), day(30), {
      targetObjects: false,
      onRun: (run) => fold.add(run),
    });
    expect(read.runs).toEqual([]);
    const folded = fold.result(read.incomplete);
    // Everything but the lists of breaches, gaps and evidence of a judged day.
    const lists = (r: typeof full) =>
      r.requirements.map(({ days, ...rest }) => ({
        ...rest,
        days: days.map(({ date, status, runs }) => ({ date, status, runs })),
      }));
    expect(lists(folded)).toEqual(lists(full));
    expect(folded.requirements.flatMap((r) => r.brokenClusters)).toContain('beta');
    expect(new Set(folded.requirements.flatMap((r) => r.days.map((d) => d.status)))).toEqual(
      new Set(['broken', 'compliant', 'not_evidenced', 'no_scope']),
    );
    const { requirements: _f, ...foldedRest } = folded;
    const { requirements: _r, ...fullRest } = full;
    expect(foldedRest).toEqual(fullRest);
  });
});
