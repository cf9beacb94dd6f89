import { describe, expect, it } from 'vitest';
import { benchEstate } from '../../bench/estate';
import { runConfigForEstate } from '../../cli/estate-run-config';
import { sandboxCollectors } from '../../cli/sandbox-wiring';
import { CallLimiter } from '../../core/call-limiter';
import type { CollectionError } from '../../core/snapshot';
import { type Target, targetLabel } from '../../core/target';
import { partErrors } from '../../pipeline/coverage';
import { type Estate, loadEstate, parseEstate } from '../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../sandbox/sample-estate';
import { startSandbox } from '../../sandbox/server';

/**
 * The sample and benchmark estates must be ones a real account could hold: every call the
 * production collectors make on them succeeds unless the estate says otherwise (a failed call
 * makes a partial target, which `npm start` shows and the benchmark measures short).
 */
async function collectEveryTarget(estate: Estate) {
  const config = runConfigForEstate(estate, 'us-east-1');
  const sb = await startSandbox({ estate });
  try {
    const limit = new CallLimiter(8);
    const collectors = sandboxCollectors(
      sb.url,
      { aws: limit, gcp: limit, azure: limit },
      config.aws,
    );
    const targets: Target[] = [
      ...config.aws.accounts.flatMap((account) =>
        config.aws.regions.map((region): Target => ({ cloud: 'aws', account, region })),
      ),
      ...config.gcp.projects.map((project): Target => ({ cloud: 'gcp', project })),
      ...config.azure.subscriptions.map(
        (subscription): Target => ({ cloud: 'azure', subscription }),
      ),
    ];
    const clusters: Record<string, number> = {};
    const failed: Record<string, CollectionError[]> = {};
    for (const target of targets) {
      const out = await collectors[target.cloud].collect(target);
      const label = targetLabel(target);
      clusters[label] = out.snapshots.length;
      const errors = [...out.errors, ...out.snapshots.flatMap(partErrors)];
      if (errors.length > 0) failed[label] = errors;
    }
    return { clusters, failed };
  } finally {
    await sb.stop();
  }
}

const total = (clusters: Record<string, number>) =>
  Object.values(clusters).reduce((a, b) => a + b, 0);

describe('collecting every target of an estate', () => {
  it('the benchmark estate: no failed call on any target of any cloud', async () => {
    const estate = parseEstate(
      benchEstate(loadEstate(SAMPLE_ESTATE_FILE), { clusters: 9, perTarget: 2 }),
      'the benchmark estate',
    );
    const { clusters, failed } = await collectEveryTarget(estate);
    expect(total(clusters)).toBe(9);
    expect(Object.keys(clusters).filter((t) => t.startsWith('gcp:'))).toHaveLength(2);
    expect(failed).toEqual({});
  });

  it('the sample estate: only the zone acme-dev-gke reports missing (sandbox/README.md)', async () => {
    const { clusters, failed } = await collectEveryTarget(loadEstate(SAMPLE_ESTATE_FILE));
    expect(total(clusters)).toBe(12);
    expect(failed).toEqual({
      'gcp:acme-dev-gke': [
        expect.objectContaining({
          operation: 'container:projects.locations.clusters.list',
          code: 'MISSING_ZONE',
          resource: 'asia-east1-a',
        }),
      ],
    });
  });
});
