import { describe, expect, it } from 'vitest';
import { aksHttpAppRouting as check } from '../../../../checks/aks/aks-http-app-routing';
import { aksCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-http-app-routing', () => {
  it('passes the spec example, which has no addon profiles', () => {
    expect(statusOf(check)).toBe('pass');
  });
  it('finds the add-on whatever the key case, and fails when it is enabled', () => {
    const r = evaluateAksOne(
      check,
      aksSnapshot(
        aksCluster((c) => {
          c.addonProfiles = { HttpApplicationRouting: { enabled: true } };
        }),
      ),
    );
    expect(r.status).toBe('fail');
    expect(r.evidence[0]?.path).toBe('cluster.addonProfiles.HttpApplicationRouting.enabled');
    expect(
      statusOf(check, (c) => {
        c.addonProfiles = { httpApplicationRouting: { enabled: false } };
      }),
    ).toBe('pass');
  });
});
