import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { defaultAuditConfig } from '../../../core/config';
import { runChecks } from '../../../core/run-checks';
import type { AwsTarget, Target } from '../../../core/target';
import { parseFindingsJson } from '../../../outputs/findings-json';
import { type AuditTargetDeps, auditTarget } from '../../../pipeline/audit-target';
import { keys } from '../../../pipeline/keys';
import { TargetResult } from '../../../pipeline/types';
import { snapshotFileReader } from '../../../providers/snapshot-file';
import {
  clock,
  fakeCollector,
  liveEksSnapshot,
  NOW,
  partialCollection,
  RUN,
  recordingLogger,
  tempStore,
} from '../../helpers/pipeline-fakes';

const AWS: AwsTarget = { cloud: 'aws', account: '111122223333', region: 'eu-west-1' };

async function deps(collectors: AuditTargetDeps['collectors']) {
  const { store } = await tempStore();
  const logger = recordingLogger();
  const d: AuditTargetDeps = {
    store,
    collectors,
    checks: ALL_CHECKS,
    config: defaultAuditConfig(),
    clock,
    logger,
  };
  return { d, store, logger };
}

describe('auditTarget', () => {
  it('collects, evaluates and stores the snapshot, the findings and an ok result', async () => {
    const snapshots = [liveEksSnapshot(AWS, 'alpha'), liveEksSnapshot(AWS, 'beta', false)];
    const aws = fakeCollector((target) => ({ target, snapshots, errors: [] }));
    const { d, store } = await deps({ aws });
    const { resultKey, result } = await auditTarget({ run: RUN, target: AWS }, d);

    const expected = runChecks(ALL_CHECKS, snapshots, { now: NOW, config: defaultAuditConfig() });
    expect(resultKey).toBe(keys.targetResult(RUN, AWS));
    expect(result).toMatchObject({
      status: 'ok',
      clusters: 2,
      // The checks' findings, plus a passing coverage finding for the target and each cluster.
      findings: expected.length + 3,
      errors: [],
    });
    expect(TargetResult.parse(JSON.parse((await store.get(resultKey)) ?? ''))).toEqual(result);
    const findings = parseFindingsJson(
      (await store.get(result.findingsKey)) ?? '',
      result.findingsKey,
    );
    expect(findings.filter((f) => f.checkId !== 'mk8s-audit-coverage')).toEqual(expected);
    expect(
      findings.filter((f) => f.checkId === 'mk8s-audit-coverage').map((f) => f.status),
    ).toEqual(['pass', 'pass', 'pass']);
    expect(
      findings.some((f) => f.checkId === 'eks-endpoint-public-access' && f.status === 'fail'),
    ).toBe(true);
    // The snapshot file is the tool's own format: it can be scanned again offline.
    const file = JSON.parse((await store.get(result.snapshotKey)) ?? '');
    expect(snapshotFileReader.detect(file)).toBe(true);
    expect(snapshotFileReader.read(file, result.snapshotKey).map((s) => s.ref.name)).toEqual([
      'alpha',
      'beta',
    ]);
  });

  it('makes a partial target when a part of a cluster could not be collected, naming the cluster', async () => {
    const { d, logger } = await deps({
      aws: fakeCollector((t) => partialCollection(t as AwsTarget)),
    });
    const { result } = await auditTarget({ run: RUN, target: AWS }, d);
    expect(result.status).toBe('partial');
    expect(result.clusters).toBe(2);
    expect(result.errors).toEqual([
      {
        operation: 'eks:ListNodegroups',
        resource: 'beta',
        code: 'AccessDeniedException',
        message: 'not authorized',
      },
    ]);
    expect(logger.lines.some((l) => l.level === 'warn' && l.message.includes('partial'))).toBe(
      true,
    );
  });

  it('makes a partial target when one cluster could not be described but others were', async () => {
    const aws = fakeCollector((target) => ({
      target,
      snapshots: [liveEksSnapshot(AWS, 'alpha')],
      errors: [
        {
          operation: 'eks:DescribeCluster',
          resource: 'gone',
          code: 'ResourceNotFoundException',
          message: 'No cluster found',
        },
      ],
    }));
    const { d } = await deps({ aws });
    expect((await auditTarget({ run: RUN, target: AWS }, d)).result.status).toBe('partial');
  });

  it('makes a failed target, with the error, when the collector throws', async () => {
    const aws = fakeCollector(() => {
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    });
    const { d, store } = await deps({ aws });
    const { result, resultKey } = await auditTarget({ run: RUN, target: AWS }, d);
    expect(result).toMatchObject({
      status: 'failed',
      clusters: 0,
      findings: 1,
      errors: [
        { operation: 'mk8s-audit:Collect', code: 'TimeoutError', message: 'socket hang up' },
      ],
    });
    expect(await store.get(resultKey)).toBeDefined();
    // The one finding is the audit gap, naming the target and the cause.
    const [gap, ...rest] = parseFindingsJson((await store.get(result.findingsKey)) ?? '', 'x');
    expect(rest).toEqual([]);
    expect(gap).toMatchObject({
      checkId: 'mk8s-audit-coverage',
      status: 'fail',
      severity: 'high',
      resourceId: 'aws:111122223333/eu-west-1',
      account: '111122223333',
      region: 'eu-west-1',
    });
    expect(gap?.message).toContain('Target aws:111122223333/eu-west-1 was not audited');
    expect(gap?.message).toContain('mk8s-audit:Collect failed with TimeoutError: socket hang up');
  });

  it('makes a failed target when listing the clusters was denied', async () => {
    const aws = fakeCollector((target) => ({
      target,
      snapshots: [],
      errors: [{ operation: 'eks:ListClusters', code: 'AccessDeniedException', message: 'denied' }],
    }));
    const { d } = await deps({ aws });
    expect((await auditTarget({ run: RUN, target: AWS }, d)).result.status).toBe('failed');
  });

  it('is ok with no cluster and no error', async () => {
    const { d } = await deps({
      aws: fakeCollector((target) => ({ target, snapshots: [], errors: [] })),
    });
    expect((await auditTarget({ run: RUN, target: AWS }, d)).result).toMatchObject({
      status: 'ok',
      clusters: 0,
    });
  });

  it('fails a target of a cloud the runner has no collector for, saying so', async () => {
    const { d } = await deps({
      aws: fakeCollector((target) => ({ target, snapshots: [], errors: [] })),
    });
    const gcp: Target = { cloud: 'gcp', project: 'acme-prod' };
    const { result } = await auditTarget({ run: RUN, target: gcp }, d);
    expect(result.status).toBe('failed');
    expect(result.errors[0]).toMatchObject({ code: 'NoCollector' });
    expect(result.errors[0]?.message).toContain('no gcp collector');
  });
});
