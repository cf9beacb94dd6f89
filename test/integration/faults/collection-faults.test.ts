import { beforeAll, describe, expect, it } from 'vitest';
import type { Baseline } from '../../../bench/faults/run-scenario';
import { sampleEstateFaults } from '../../../bench/faults/sample-faults';
import { isCoverageFinding } from '../../../core/coverage';

/**
 * The fault scenarios of `npm run faults` that hit collection: each runs the whole pipeline on
 * the sample estate (sandbox cloud, s3rver, real SDK clients) the day after a clean run, and
 * must lose no finding, change Security Hub in no wrong way, and name every gap.
 */
const faults = sampleEstateFaults();
let baseline: Baseline;
beforeAll(async () => {
  baseline = await faults.prepare();
}, 120_000);

async function run(name: string) {
  const { report, gaps, faulted } = await faults.run(name);
  expect(report.notes).toEqual([]);
  expect(report).toMatchObject({ findingsLost: 0, wrongSecurityHubChanges: 0, outcome: 'ok' });
  return { report, gaps, summary: faulted.output.published.summary };
}

describe('fault scenarios: collection', () => {
  it('sees the clean sample estate: 12 clusters and the estate gaps it ships with', () => {
    expect(baseline.summary.findings.clusters).toBe(12);
    expect(baseline.findings.filter((f) => !isCoverageFinding(f)).length).toBeGreaterThan(400);
  });

  it('absorbs 30% throttling on every API with the SDKs retries', async () => {
    const { report } = await run('throttling-30pct');
    expect(report.clustersAudited).toBe(12);
    expect(report.findingsProduced).toBe(report.findingsExpected);
  }, 120_000);

  it('absorbs bursts of 5xx answers', async () => {
    const { report } = await run('server-error-bursts');
    expect(report.findingsProduced).toBe(report.findingsExpected);
  }, 90_000);

  it('names both regions of an AWS account whose role cannot be assumed, and audits the rest', async () => {
    const { report, gaps, summary } = await run('access-denied-aws-account');
    expect(report.clustersAudited).toBe(10);
    const failed = summary.targets.results.filter((t) => t.status === 'failed');
    expect(failed.map((t) => t.label).sort()).toEqual([
      'aws:444455556666/eu-west-1',
      'aws:444455556666/us-east-2',
    ]);
    for (const t of failed) {
      const gap = gaps.find((g) => g.resourceId === t.label);
      expect(gap?.severity).toBe('high');
      expect(gap?.message).toContain('sts:AssumeRole');
      expect(gap?.message).toContain('AccessDenied');
    }
  }, 90_000);

  it('names a GCP project whose calls are denied', async () => {
    const { gaps, summary } = await run('access-denied-gcp-project');
    expect(summary.targets.results.find((t) => t.label === 'gcp:acme-dev-gke')?.status).toBe(
      'failed',
    );
    expect(gaps.find((g) => g.resourceId === 'gcp:acme-dev-gke')?.message).toContain(
      'PERMISSION_DENIED',
    );
  }, 90_000);

  it('names an Azure subscription whose calls are denied', async () => {
    const sub = 'azure:9c7d6e5f-4a3b-4c2d-8e1f-0a9b8c7d6e52';
    const { gaps, summary } = await run('access-denied-azure-subscription');
    expect(summary.targets.results.find((t) => t.label === sub)?.status).toBe('failed');
    expect(gaps.find((g) => g.resourceId === sub)?.message).toContain('AuthorizationFailed');
  }, 90_000);

  it('keeps the clusters whose node group answer was cut in half, naming the call', async () => {
    const { report, gaps } = await run('malformed-json');
    expect(report.clustersAudited).toBe(12);
    const nodegroupGaps = gaps.filter((g) => g.message.includes('eks:DescribeNodegroup'));
    expect(nodegroupGaps.length).toBe(5);
    expect(report.targets.failed).toBe(0);
  }, 90_000);

  it('names a cluster deleted between list and describe, and audits its neighbour', async () => {
    const { report, gaps } = await run('cluster-deleted-mid-run');
    expect(report.clustersAudited).toBe(11);
    const gone = gaps.find((g) => g.resourceName === 'prod-web');
    expect(gone?.resourceId).toBe('arn:aws:eks:us-east-2:111122223333:cluster/prod-web');
    expect(gone?.message).toContain('ResourceNotFoundException');
  }, 90_000);
});
