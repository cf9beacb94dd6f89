import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import type { AwsTarget } from '../../../core/target';
import { keys } from '../../../pipeline/keys';
import { parseRunConfig } from '../../../pipeline/run-config';
import { runLocal } from '../../../pipeline/run-local';
import type { ObjectStore } from '../../../pipeline/types';
import {
  clock,
  fakeCollector,
  liveEksSnapshot,
  RUN,
  recordingLogger,
  tempStore,
} from '../../helpers/pipeline-fakes';

describe('runLocal', () => {
  it('runs discover, every target with bounded concurrency, and publish', async () => {
    const { store } = await tempStore();
    let inFlight = 0;
    let maxInFlight = 0;
    const aws = fakeCollector(async (t) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      if (t.cloud === 'aws' && t.region === 'us-east-1') throw new Error('endpoint unreachable');
      return { target: t, snapshots: [liveEksSnapshot(t as AwsTarget, 'alpha')], errors: [] };
    });
    const config = parseRunConfig({
      aws: {
        accounts: ['111122223333', '444455556666'],
        regions: ['eu-west-1', 'us-east-1', 'eu-central-1'],
      },
      concurrency: 2,
    });
    const out = await runLocal(
      config,
      { store, collectors: { aws }, checks: ALL_CHECKS, clock, logger: recordingLogger() },
      RUN,
    );
    expect(aws.calls).toHaveLength(6);
    expect(maxInFlight).toBe(2);
    expect(out.results).toHaveLength(6);
    expect(out.published.summary.targets.byStatus).toEqual({ ok: 4, partial: 0, failed: 2 });
    expect(out.published.summary.findings.clusters).toBe(4);
  });

  it('reports a target whose step died (its store write failed) as failed, and finishes the run', async () => {
    const { store: inner } = await tempStore();
    const broken: AwsTarget = { cloud: 'aws', account: '111122223333', region: 'us-east-1' };
    const store: ObjectStore = {
      ...inner,
      put: (key, body, type) =>
        key === keys.targetResult(RUN, broken)
          ? Promise.reject(new Error('SlowDown'))
          : inner.put(key, body, type),
    };
    const aws = fakeCollector((t) => ({ target: t, snapshots: [], errors: [] }));
    const logger = recordingLogger();
    const config = parseRunConfig({
      aws: { accounts: ['111122223333'], regions: ['eu-west-1', 'us-east-1'] },
    });
    const out = await runLocal(
      config,
      { store, collectors: { aws }, checks: ALL_CHECKS, clock, logger },
      RUN,
    );
    expect(out.results).toHaveLength(1);
    expect(out.published.summary.targets.byStatus).toEqual({ ok: 1, partial: 0, failed: 1 });
    expect(
      logger.lines.some(
        (l) => l.level === 'error' && l.message.includes('aws:111122223333/us-east-1'),
      ),
    ).toBe(true);
  });
});
