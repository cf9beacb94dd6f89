import { describe, expect, it } from 'vitest';
import { COVERAGE_CHECK_ID } from '../../../core/coverage';
import { Finding } from '../../../core/finding';
import type { AwsTarget, Target } from '../../../core/target';
import { toAsff } from '../../../outputs/asff';
import {
  collectionCoverage,
  collectionGaps,
  discoveryCoverage,
  unreadTargetCoverage,
} from '../../../pipeline/coverage';
import { fixture } from '../../fixture';
import { liveEksSnapshot, NOW, partialCollection } from '../../helpers/pipeline-fakes';
import { type ModelShape, validateShape } from '../../helpers/smithy-validate';

const AWS: AwsTarget = { cloud: 'aws', account: '111122223333', region: 'eu-west-1' };
const GCP: Target = { cloud: 'gcp', project: 'acme-prod' };
const denied = { operation: 'eks:ListClusters', code: 'AccessDeniedException', message: 'no' };

describe('coverage findings', () => {
  it('names a target whose listing was denied as not audited, with the cause', () => {
    const [gap, ...rest] = collectionCoverage(
      { target: AWS, snapshots: [], errors: [denied] },
      NOW,
    );
    expect(rest).toEqual([]);
    expect(Finding.parse(gap)).toMatchObject({
      checkId: COVERAGE_CHECK_ID,
      status: 'fail',
      severity: 'high',
      provider: 'eks',
      cloud: 'aws',
      resourceId: 'aws:111122223333/eu-west-1',
      account: '111122223333',
      region: 'eu-west-1',
      evidence: [{ path: 'errors[0]', value: denied }],
    });
    expect(gap?.message).toBe(
      'Target aws:111122223333/eu-west-1 was not audited in this run: eks:ListClusters failed with AccessDeniedException: no. None of its results are in this run; earlier results stand until it is audited again.',
    );
  });

  it('names each cluster collected with failed calls, and each cluster that could not be described', () => {
    const collection = partialCollection(AWS);
    collection.errors.push({
      operation: 'eks:DescribeCluster',
      resource: 'gone',
      code: 'ResourceNotFoundException',
      message: 'No cluster found for name: gone.',
    });
    const gaps = collectionGaps(collection);
    expect(gaps.map((g) => [g.scope, g.extent, g.resourceId])).toEqual([
      ['cluster', 'not_audited', 'arn:aws:eks:eu-west-1:111122223333:cluster/gone'],
      ['cluster', 'partial', 'arn:aws:eks:eu-west-1:111122223333:cluster/beta'],
    ]);
    const [gone, beta] = collectionCoverage(collection, NOW).filter((f) => f.status === 'fail');
    expect(gone?.message).toContain('Cluster gone of aws:111122223333/eu-west-1 was not audited');
    expect(beta?.message).toContain(
      'Cluster beta of aws:111122223333/eu-west-1 was only partly audited: eks:ListNodegroups (beta) failed with AccessDeniedException',
    );
    // The gap keeps the id scheme of the cluster's findings: one stable id per cluster.
    expect(beta?.id).toMatch(/^mk8s-audit-coverage\/[0-9a-f]{32}$/);
    expect(collectionCoverage(collection, NOW).map((f) => f.id)).toContain(beta?.id);
  });

  it('makes a target with clusters but an unreachable zone a partial target gap', () => {
    const gaps = collectionGaps({
      target: AWS,
      snapshots: [liveEksSnapshot(AWS, 'alpha')],
      errors: [{ operation: 'x:List', resource: 'zone-a', code: 'MISSING_ZONE', message: 'm' }],
    });
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toMatchObject({ scope: 'target', extent: 'partial' });
  });

  it('has no gap in a fully collected target, and a passing finding for it and each cluster', () => {
    const collection = { target: AWS, snapshots: [liveEksSnapshot(AWS, 'alpha')], errors: [] };
    expect(collectionGaps(collection)).toEqual([]);
    const covered = collectionCoverage(collection, NOW);
    expect(covered.map((f) => [f.status, f.resourceId])).toEqual([
      ['pass', 'aws:111122223333/eu-west-1'],
      ['pass', 'arn:aws:eks:eu-west-1:111122223333:cluster/alpha'],
    ]);
    expect(covered[0]?.message).toBe(
      'Target aws:111122223333/eu-west-1 was audited completely: every call this run made for it succeeded.',
    );
    for (const f of covered) expect(Finding.safeParse(f).success).toBe(true);
  });

  it('adds a gap for a failed target that left no coverage finding, once', () => {
    const lost = {
      target: GCP,
      status: 'failed',
      errors: [{ operation: 'mk8s-audit:AuditTarget', code: 'MissingResult', message: 'none' }],
    };
    const [gap] = unreadTargetCoverage([lost], () => [], NOW);
    expect(gap).toMatchObject({ provider: 'gke', resourceId: 'gcp:acme-prod', region: 'global' });
    expect(unreadTargetCoverage([lost], () => (gap ? [gap] : []), NOW)).toEqual([]);
    expect(unreadTargetCoverage([{ ...lost, status: 'ok' }], () => [], NOW)).toEqual([]);
  });

  it('turns a failed discovery call into a gap of the account it was about', () => {
    const [gap] = discoveryCoverage(
      [
        {
          operation: 'ec2:DescribeRegions',
          resource: '444455556666',
          code: 'Denied',
          message: 'x',
        },
      ],
      NOW,
    );
    expect(gap).toMatchObject({
      cloud: 'aws',
      account: '444455556666',
      resourceId: 'aws:444455556666',
    });
    expect(gap?.message).toContain('Targets this call would have found are missing from this run.');
  });

  it('converts to ASFF that Security Hub accepts', () => {
    const model = fixture<{ shapes: Record<string, ModelShape> }>(
      'aws/securityhub/batch-import-findings-shapes.json',
    );
    const findings = [
      ...collectionCoverage({ target: GCP, snapshots: [], errors: [denied] }, NOW),
      ...collectionCoverage(partialCollection(AWS), NOW),
    ].map((f) =>
      toAsff(f, {
        account: '111122223333',
        region: 'us-east-1',
        partition: 'aws',
        observedAt: NOW,
      }),
    );
    // The GCP target's gap; the AWS target and its cluster alpha covered; beta's gap.
    expect(findings.map((f) => f.Compliance?.Status)).toEqual([
      'FAILED',
      'FAILED',
      'PASSED',
      'PASSED',
    ]);
    expect(
      validateShape(model.shapes, 'BatchImportFindingsRequest', { Findings: findings }),
    ).toEqual([]);
    expect(findings[0]?.Compliance?.Status).toBe('FAILED');
    expect(findings[0]?.Severity?.Label).toBe('HIGH');
  });
});
