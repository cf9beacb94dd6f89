import { describe, expect, it } from 'vitest';
import { eksPlatformVersion as check } from '../../../../checks/eks/eks-platform-version';
import { collected, failed } from '../../../../core/snapshot';
import type { EksClusterVersion } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

/** DescribeClusterVersions entries in the shape of the EKS API model (ClusterVersionInformation). */
const LIVE: EksClusterVersion[] = [
  {
    clusterVersion: '1.26',
    clusterType: 'eks',
    defaultPlatformVersion: 'eks.14',
    versionStatus: 'UNSUPPORTED',
  },
  {
    clusterVersion: '1.27',
    clusterType: 'eks',
    defaultPlatformVersion: 'eks.16',
    versionStatus: 'UNSUPPORTED',
  },
];

function snapshotOn(platformVersion: string | undefined, live: EksClusterVersion[] = LIVE) {
  const cluster = describeClusterExample();
  if (platformVersion === undefined) delete cluster.platformVersion;
  else cluster.platformVersion = platformVersion;
  return eksSnapshot(cluster, {
    clusterVersions: collected(live, ['eks:DescribeClusterVersions']),
  });
}

describe('eks-platform-version', () => {
  it('passes the docs cluster (1.26, eks.14) when eks.14 is the current platform', () => {
    const result = evaluateOne(check, snapshotOn('eks.14'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toContainEqual({
      path: 'parts.clusterVersions.value[0].defaultPlatformVersion',
      value: 'eks.14',
    });
  });

  it('fails a cluster behind the current platform, comparing numbers (eks.9 < eks.14)', () => {
    const result = evaluateOne(check, snapshotOn('eks.9'));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('behind the current eks.14');
  });

  it('is unknown offline: only the live API knows the current platform version', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('not collected');
  });

  it('is unknown, naming the call, when DescribeClusterVersions failed', () => {
    const cluster = describeClusterExample();
    const snapshot = eksSnapshot(cluster, {
      clusterVersions: failed([
        {
          operation: 'eks:DescribeClusterVersions',
          code: 'AccessDeniedException',
          message: 'denied',
        },
      ]),
    });
    expect(evaluateOne(check, snapshot).message).toContain('eks:DescribeClusterVersions');
  });

  it('is unknown when the live list lacks the cluster version or the platform is unreadable', () => {
    expect(evaluateOne(check, snapshotOn('eks.14', LIVE.slice(1))).status).toBe('unknown');
    expect(evaluateOne(check, snapshotOn(undefined)).status).toBe('unknown');
  });
});
