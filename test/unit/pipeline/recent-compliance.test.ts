import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFsStore } from '../../../outputs/fs-store';
import { renderReport } from '../../../outputs/report/render';
import { recentCompliance } from '../../../pipeline/compliance/recent';
import { result, storeRun } from '../../builders/run-history';

// The four EKS checks PCI DSS 1.4.4 maps to (control-plane exposure).
const CHECKS = [
  'eks-endpoint-public-access',
  'eks-endpoint-public-cidrs-open',
  'eks-endpoint-private-access',
  'eks-cluster-sg-ingress',
];
const passing = () => CHECKS.map((c) => result(c, 'alpha', 'pass'));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-recent-'));
  const store = createFsStore(dir);
  await storeRun(store, { date: '2026-11-27', runId: 'a', findings: passing() });
  await storeRun(store, { date: '2026-11-28', runId: 'b', findings: passing() });
  // The run being published: its objects are stored but its summary is not written yet.
  await storeRun(store, { date: '2026-11-29', runId: 'c', findings: [], incomplete: true });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the report’s continuous-compliance view', () => {
  it('adds the run being published to the last 30 days of history, for every mapped framework', async () => {
    const failing = [result('eks-endpoint-public-access', 'alpha', 'fail'), ...passing().slice(1)];
    const reports = await recentCompliance({
      store: createFsStore(dir),
      run: { date: '2026-11-29', runId: 'c' },
      findings: failing,
      failedTargets: [],
    });
    expect(reports.map((r) => r.framework.id)).toEqual([
      'pci-dss-4.0.1',
      'soc2-2017',
      'hipaa-security-rule',
      'iso-27001-2022',
      'nist-800-53-r5',
    ]);
    const pci = reports[0];
    expect(pci?.from).toBe('2026-10-31');
    expect(pci?.days).toHaveLength(30);
    expect(pci?.incompleteRuns).toEqual([]);
    const r144 = pci?.requirements.find((r) => r.id === '1.4.4');
    expect(r144).toMatchObject({
      compliantDays: 2,
      brokenDays: 1,
      notEvidencedDays: 27,
      auditedDays: 30,
    });
    // The report's view keeps each day's status and the clusters that broke it, not the
    // breaches themselves (the evidence folder lists them).
    expect(r144?.days.at(-1)).toMatchObject({ status: 'broken', runs: ['c'], breaches: [] });
    expect(r144?.brokenClusters).toEqual(['alpha']);

    const page = renderReport({
      findings: failing,
      generatedAt: new Date('2026-11-29T03:00:00Z'),
      frameworks: [],
      compliance: reports,
    });
    expect(page).toContain('<h2>Continuous compliance, 2026-10-31 to 2026-11-29</h2>');
    expect(page).toContain('href="#compliance"');
    expect(page).toContain('title="2026-11-29: broken"');
  });

  it('is left out of the report when there is no history at all', () => {
    const page = renderReport({
      findings: [],
      generatedAt: new Date(),
      frameworks: [],
      compliance: [],
    });
    expect(page).not.toContain('id="compliance"');
  });
});
