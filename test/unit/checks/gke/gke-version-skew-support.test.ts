import { describe, expect, it } from 'vitest';
import { gkeVersionSkewSupport as check } from '../../../../checks/gke/gke-version-skew-support';
import {
  caiCluster,
  evalContext,
  evaluateOne,
  gkeSnapshot,
  part,
  standardCluster,
} from '../../../builders/gke';

const info = (eos: string, eoe?: string) =>
  part(
    { endOfStandardSupportTimestamp: eos, ...(eoe ? { endOfExtendedSupportTimestamp: eoe } : {}) },
    'container:projects.locations.clusters.fetchClusterUpgradeInfo',
  );

describe('gke-version-skew-support', () => {
  it('uses the cluster upgrade info when collected', () => {
    const ok = evaluateOne(
      check,
      gkeSnapshot(standardCluster(), { upgradeInfo: info('2027-01-31T00:00:00Z') }),
    );
    expect(ok.status).toBe('pass');
    expect(ok.message).toContain('2027-01-31');
    const past = evaluateOne(
      check,
      gkeSnapshot(standardCluster(), {
        upgradeInfo: info('2026-06-30T00:00:00Z', '2027-04-30T00:00:00Z'),
      }),
    );
    expect(past.status).toBe('fail');
  });

  it('counts extended support only on the Extended channel', () => {
    const c = standardCluster();
    c.releaseChannel = { channel: 'EXTENDED' };
    expect(
      evaluateOne(
        check,
        gkeSnapshot(c, { upgradeInfo: info('2026-06-30T00:00:00Z', '2027-04-30T00:00:00Z') }),
      ).status,
    ).toBe('pass');
  });

  it('falls back to the server config: a minor older than every offered version fails', () => {
    const sc = part(
      {
        validMasterVersions: ['1.34.1-gke.100', '1.33.5-gke.1201000'],
        channels: [{ channel: 'STABLE' as const, validVersions: ['1.32.9-gke.100'] }],
      },
      'container:projects.locations.getServerConfig',
    );
    expect(evaluateOne(check, gkeSnapshot(standardCluster(), { serverConfig: sc })).status).toBe(
      'pass',
    );
    const old = caiCluster('gke_cluster_version', 'canary-west');
    expect(evaluateOne(check, gkeSnapshot(old, { serverConfig: sc })).status).toBe('fail');
  });

  it('falls back to the dated calendar for offline input', () => {
    expect(
      evaluateOne(check, gkeSnapshot(standardCluster()), evalContext('2026-05-01T00:00:00Z'))
        .status,
    ).toBe('pass');
    const r = evaluateOne(check, gkeSnapshot(caiCluster('gke_cluster_version', 'canary-west')));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('older than every version in the calendar');
  });

  it('fails node pools beyond the skew and is unknown without a readable version', () => {
    const c = standardCluster();
    const pool = c.nodePools?.[1];
    if (pool) pool.version = '1.30.2-gke.100';
    const r = evaluateOne(check, gkeSnapshot(c, { upgradeInfo: info('2027-01-31T00:00:00Z') }));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('batch');
    const v = standardCluster();
    delete v.currentMasterVersion;
    expect(evaluateOne(check, gkeSnapshot(v)).status).toBe('unknown');
  });
});
