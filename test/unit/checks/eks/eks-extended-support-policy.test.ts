import { describe, expect, it } from 'vitest';
import { eksExtendedSupportPolicy as check } from '../../../../checks/eks/eks-extended-support-policy';
import { collected } from '../../../../core/snapshot';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

function cluster(version: string, supportType?: 'STANDARD' | 'EXTENDED') {
  const c = describeClusterExample();
  c.version = version;
  if (supportType) c.upgradePolicy = { supportType };
  return c;
}

describe('eks-extended-support-policy', () => {
  it('passes with supportType STANDARD', () => {
    const result = evaluateOne(check, eksSnapshot(cluster('1.26', 'STANDARD')));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'cluster.upgradePolicy.supportType', value: 'STANDARD' },
    ]);
  });

  it('fails with EXTENDED on a version past standard support (calendar)', () => {
    const result = evaluateOne(check, eksSnapshot(cluster('1.32', 'EXTENDED')));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('2026-03-23');
    expect(result.message).toContain('calendar as of');
  });

  it('passes with EXTENDED while the version is still in standard support', () => {
    const result = evaluateOne(check, eksSnapshot(cluster('1.35', 'EXTENDED')));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('until 2027-03-27');
  });

  it('uses live DescribeClusterVersions data when collected', () => {
    const snapshot = eksSnapshot(cluster('1.33', 'EXTENDED'), {
      clusterVersions: collected(
        [
          {
            clusterVersion: '1.33',
            clusterType: 'eks',
            endOfStandardSupportDate: '2026-07-29T00:00:00+00:00',
            endOfExtendedSupportDate: '2027-07-29T00:00:00+00:00',
            versionStatus: 'EXTENDED_SUPPORT',
          },
        ],
        ['eks:DescribeClusterVersions'],
      ),
    });
    const result = evaluateOne(check, snapshot);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('live DescribeClusterVersions');
  });

  it('is unknown for an export without upgradePolicy (the docs example predates it)', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('unknown');
    expect(result.evidence[0]).toMatchObject({ absent: true });
  });

  it('is unknown with EXTENDED when the version is missing', () => {
    const c = cluster('1.30', 'EXTENDED');
    delete c.version;
    expect(evaluateOne(check, eksSnapshot(c)).status).toBe('unknown');
  });
});
