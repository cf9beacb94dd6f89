import { describe, expect, it } from 'vitest';
import { eksSupportedVersion as check } from '../../../../checks/eks/eks-supported-version';
import { AuditConfig } from '../../../../core/config';
import { collected, failed } from '../../../../core/snapshot';
import type { EksClusterVersion } from '../../../../core/snapshot-eks';
import {
  clusterExample,
  describeClusterExample,
  eksSnapshot,
  evalContext,
  evaluateOne,
} from '../../../builders/eks';

function onVersion(version: string | undefined, live?: EksClusterVersion[]) {
  const cluster = describeClusterExample();
  if (version === undefined) delete cluster.version;
  else cluster.version = version;
  return eksSnapshot(
    cluster,
    live ? { clusterVersions: collected(live, ['eks:DescribeClusterVersions']) } : {},
  );
}

/** A DescribeClusterVersions entry in the shape of the EKS API model (ClusterVersionInformation). */
function liveVersion(
  clusterVersion: string,
  versionStatus: 'STANDARD_SUPPORT' | 'EXTENDED_SUPPORT' | 'UNSUPPORTED',
  endOfStandardSupportDate: string,
  endOfExtendedSupportDate: string,
): EksClusterVersion {
  return {
    clusterVersion,
    clusterType: 'eks',
    defaultPlatformVersion: 'eks.5',
    defaultVersion: false,
    releaseDate: '2025-01-21T00:00:00+00:00',
    endOfStandardSupportDate,
    endOfExtendedSupportDate,
    status: versionStatus === 'STANDARD_SUPPORT' ? 'standard-support' : 'extended-support',
    versionStatus,
    kubernetesPatchVersion: `${clusterVersion}.0`,
  };
}

const LIVE = [
  liveVersion('1.31', 'EXTENDED_SUPPORT', '2025-11-26T00:00:00+00:00', '2026-11-26T00:00:00+00:00'),
  liveVersion('1.32', 'EXTENDED_SUPPORT', '2026-03-23T00:00:00+00:00', '2027-03-23T00:00:00+00:00'),
  liveVersion('1.33', 'STANDARD_SUPPORT', '2026-07-29T00:00:00+00:00', '2027-07-29T00:00:00+00:00'),
  liveVersion('1.34', 'STANDARD_SUPPORT', '2026-12-02T00:00:00+00:00', '2027-12-02T00:00:00+00:00'),
  liveVersion('1.36', 'STANDARD_SUPPORT', '2027-08-01T00:00:00+00:00', '2028-08-01T00:00:00+00:00'),
];

describe('eks-supported-version, offline with the dated calendar', () => {
  it('fails the docs example (1.26), past standard and extended support, naming the calendar', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('fail');
    expect(result.message).toContain('1.26');
    expect(result.message).toContain('2024-06-11');
    expect(result.message).toContain('extended support ended on 2025-06-11');
    expect(result.message).toContain('calendar as of 2026-02-14');
    expect(result.evidence).toContainEqual({ path: 'cluster.version', value: '1.26' });
    expect(result.evidence).toContainEqual({
      path: 'config.eks.versionCalendar.versions[3].endOfStandardSupport',
      value: '2024-06-11',
    });
  });

  it('passes a version in standard support and names its end date', () => {
    const result = evaluateOne(check, onVersion('1.35'));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('until 2027-03-27');
  });

  it('fails a version in extended support and gives the extended end date', () => {
    const result = evaluateOne(check, onVersion('1.32'));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('2026-03-23');
    expect(result.message).toContain('extended support until 2027-03-23');
  });

  it('compares with the injected time, not the clock', () => {
    expect(evaluateOne(check, onVersion('1.32'), evalContext('2026-03-22T23:59:59Z')).status).toBe(
      'pass',
    );
    expect(evaluateOne(check, onVersion('1.32'), evalContext('2026-03-23T00:00:00Z')).status).toBe(
      'fail',
    );
  });

  it('passes a version newer than every calendar entry and says so', () => {
    const result = evaluateOne(check, onVersion('1.40'));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('newer than every version');
  });

  it('is unknown for a newer version when the calendar is so old that its newest entry expired', () => {
    const result = evaluateOne(check, onVersion('1.40'), evalContext('2030-01-01T00:00:00Z'));
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('out of date');
  });

  it('fails a version older than every calendar entry (create-cluster docs example, 1.12)', () => {
    const result = evaluateOne(check, eksSnapshot(clusterExample('create-cluster.2.json')));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('1.12');
    expect(result.message).toContain('older than every version');
  });

  it('is unknown for an older version when the oldest calendar entry is still supported', () => {
    const config = AuditConfig.parse({
      eks: {
        versionCalendar: {
          asOf: '2026-02-14',
          source: 'test',
          versions: [{ version: '1.35', endOfStandardSupport: '2027-03-27' }],
        },
      },
    });
    const result = evaluateOne(check, onVersion('1.30'), { ...evalContext(), config });
    expect(result.status).toBe('unknown');
  });

  it('is unknown for a version the calendar skips between older and newer entries', () => {
    const config = AuditConfig.parse({
      eks: {
        versionCalendar: {
          asOf: '2026-02-14',
          source: 'test',
          versions: [
            { version: '1.29', endOfStandardSupport: '2025-03-23' },
            { version: '1.31', endOfStandardSupport: '2025-11-26' },
          ],
        },
      },
    });
    const result = evaluateOne(check, onVersion('1.30'), { ...evalContext(), config });
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('does not list');
  });

  it('is unknown when the export lacks the version', () => {
    const result = evaluateOne(check, onVersion(undefined));
    expect(result.status).toBe('unknown');
    expect(result.evidence[0]).toEqual({ path: 'cluster.version', value: null, absent: true });
  });

  it('falls back to the calendar when DescribeClusterVersions failed, and says why', () => {
    const snapshot = eksSnapshot(describeClusterExample(), {
      clusterVersions: failed([
        {
          operation: 'eks:DescribeClusterVersions',
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ]),
    });
    const result = evaluateOne(check, snapshot);
    expect(result.status).toBe('fail');
    expect(result.message).toContain('calendar as of 2026-02-14');
    expect(result.message).toContain('AccessDeniedException');
  });
});

describe('eks-supported-version, with live DescribeClusterVersions data', () => {
  it('passes a version the live API lists in standard support', () => {
    const result = evaluateOne(check, onVersion('1.34', LIVE));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('until 2026-12-02');
    expect(result.message).toContain('live DescribeClusterVersions');
    expect(result.evidence).toContainEqual({
      path: 'parts.clusterVersions.value[3].versionStatus',
      value: 'STANDARD_SUPPORT',
    });
  });

  it('lets live data win over the calendar', () => {
    // The calendar ends 1.32 standard support on 2026-03-23; the live answer says otherwise.
    const live = [
      liveVersion(
        '1.32',
        'STANDARD_SUPPORT',
        '2027-01-01T00:00:00+00:00',
        '2028-01-01T00:00:00+00:00',
      ),
    ];
    const result = evaluateOne(check, onVersion('1.32', live));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('2027-01-01');
  });

  it('fails a version in extended support with the extended end date', () => {
    const result = evaluateOne(check, onVersion('1.32', LIVE));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('past the end of standard support on 2026-03-23');
    expect(result.message).toContain('extended support until 2027-03-23');
  });

  it('fails when the live status says extended support even before the listed date', () => {
    const live = [
      liveVersion(
        '1.33',
        'EXTENDED_SUPPORT',
        '2027-01-01T00:00:00+00:00',
        '2028-01-01T00:00:00+00:00',
      ),
    ];
    expect(evaluateOne(check, onVersion('1.33', live)).status).toBe('fail');
  });

  it('fails when the end date passed after collection although the status still said standard', () => {
    const result = evaluateOne(check, onVersion('1.34', LIVE), evalContext('2026-12-05T00:00:00Z'));
    expect(result.status).toBe('fail');
  });

  it('reads the deprecated status field when versionStatus is absent', () => {
    const entry = liveVersion(
      '1.31',
      'EXTENDED_SUPPORT',
      '2025-11-26T00:00:00+00:00',
      '2026-11-26T00:00:00+00:00',
    );
    delete entry.versionStatus;
    delete entry.endOfStandardSupportDate;
    const result = evaluateOne(check, onVersion('1.31', [entry]));
    expect(result.status).toBe('fail');
    expect(result.evidence).toContainEqual({
      path: 'parts.clusterVersions.value[0].status',
      value: 'extended-support',
    });
  });

  it('passes a version newer than every live entry', () => {
    const result = evaluateOne(check, onVersion('1.37', LIVE));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('newer than every version');
  });

  it('fails a version older than every live entry', () => {
    const result = evaluateOne(check, onVersion('1.26', LIVE));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('older than every version');
    expect(result.message).toContain('live DescribeClusterVersions');
  });

  it('is unknown for a version missing between listed ones', () => {
    const result = evaluateOne(check, onVersion('1.35', LIVE));
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('does not list');
  });

  it('ignores entries of another cluster type (Outposts local clusters)', () => {
    const outposts = {
      ...liveVersion(
        '1.34',
        'STANDARD_SUPPORT',
        '2027-01-01T00:00:00+00:00',
        '2028-01-01T00:00:00+00:00',
      ),
      clusterType: 'eks-local-outposts',
    };
    const result = evaluateOne(check, onVersion('1.34', [outposts, ...LIVE]));
    expect(result.message).toContain('until 2026-12-02');
  });

  it('uses the calendar when the live answer is empty', () => {
    const result = evaluateOne(check, onVersion('1.35', []));
    expect(result.status).toBe('pass');
    expect(result.message).toContain('calendar as of 2026-02-14');
    expect(result.message).toContain('returned no versions');
  });
});
