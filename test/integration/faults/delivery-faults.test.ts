import { beforeAll, describe, expect, it } from 'vitest';
import { sampleEstateFaults } from '../../../bench/faults/sample-faults';

/**
 * The fault scenarios of `npm run faults` around collection and delivery: a cloud that cannot
 * be reached, a target past its deadline, Security Hub rejecting findings, an S3 write failing.
 */
const faults = sampleEstateFaults();
beforeAll(() => faults.prepare(), 120_000);

async function run(name: string) {
  const scenarioRun = await faults.run(name);
  expect(scenarioRun.report.notes).toEqual([]);
  expect(scenarioRun.report).toMatchObject({
    findingsLost: 0,
    wrongSecurityHubChanges: 0,
    outcome: 'ok',
  });
  return scenarioRun;
}

describe('fault scenarios: reachability and delivery', () => {
  it('names both GCP projects when Google Cloud refuses every connection', async () => {
    const { report, gaps } = await run('cloud-unreachable-gcp');
    expect(report.clustersAudited).toBe(8);
    for (const project of ['gcp:acme-prod-gke', 'gcp:acme-dev-gke']) {
      expect(gaps.find((g) => g.resourceId === project)?.message).toContain('ECONNREFUSED');
    }
  }, 90_000);

  it('fails a target past its deadline, drops its late writes and names it', async () => {
    const { report, gaps, faulted } = await run('target-timeout');
    const label = 'aws:444455556666/eu-west-1';
    expect(report.targets.failed).toBe(1);
    expect(faulted.output.results.map((r) => r.target)).toHaveLength(7);
    expect(gaps.find((g) => g.resourceId === label)?.message).toContain('MissingResult');
  }, 90_000);

  it('imports again the findings Security Hub rejected, so none is missing there', async () => {
    const { faulted } = await run('securityhub-rejects-findings');
    const hub = faulted.output.published.summary.securityHub;
    expect(hub.enabled && hub.failed).toBe(0);
    // More calls than batches: the rejected findings went again.
    expect(hub.enabled && hub.calls).toBeGreaterThan(6);
  }, 90_000);

  it('writes every object when one S3 write fails once', async () => {
    const { report } = await run('s3-write-fails-once');
    expect(report.findingsProduced).toBe(report.findingsExpected);
    expect(report.targets.failed).toBe(0);
  }, 90_000);
});
