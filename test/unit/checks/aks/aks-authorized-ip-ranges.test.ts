import { describe, expect, it } from 'vitest';
import { aksAuthorizedIpRanges as check } from '../../../../checks/aks/aks-authorized-ip-ranges';
import {
  aksCluster,
  aksContext,
  aksFixtureCluster,
  aksSnapshot,
  evaluateAksOne,
  type MutableCluster,
  statusOf,
} from '../../../builders/aks';

describe('aks-authorized-ip-ranges', () => {
  it('is not applicable to a private cluster, where Azure forbids authorized ranges', () => {
    const r = evaluateAksOne(check, aksSnapshot(aksFixtureCluster('managed-cluster-private.json')));
    expect(r.status).toBe('not_applicable');
    expect(r.message).toContain('private cluster');
  });

  it('fails a public cluster with no ranges (the spec example)', () => {
    expect(evaluateAksOne(check, aksSnapshot()).status).toBe('fail');
  });

  it('fails 0.0.0.0/0 and ranges wider than the configured prefix, passes narrow ones', () => {
    const set = (ranges: string[]) => (c: MutableCluster) => {
      c.apiServerAccessProfile = { authorizedIPRanges: ranges };
    };
    expect(statusOf(check, set(['0.0.0.0/0']))).toBe('fail');
    expect(statusOf(check, set(['203.0.113.0/24', '10.0.0.0/4']))).toBe('fail');
    expect(statusOf(check, set(['::/0']))).toBe('fail');
    expect(statusOf(check, set(['not-a-cidr']))).toBe('fail');
    expect(statusOf(check, set(['203.0.113.0/24', '198.51.100.7']))).toBe('pass');
    const strict = aksContext(undefined, (cfg) => {
      cfg.aks.openCidrMinPrefix = 28;
    });
    expect(
      evaluateAksOne(check, aksSnapshot(aksCluster(set(['203.0.113.0/24']))), strict).status,
    ).toBe('fail');
  });

  it('is not applicable when public network access is disabled', () => {
    expect(
      statusOf(check, (c) => {
        c.publicNetworkAccess = 'Disabled';
      }),
    ).toBe('not_applicable');
  });
});
