import { describe, expect, it } from 'vitest';
import { aksNodeHardening as check } from '../../../../checks/aks/aks-node-hardening';
import { aksCluster, aksSnapshot, evaluateAks } from '../../../builders/aks';

describe('aks-node-hardening', () => {
  it('fails the spec example and names what is missing', () => {
    const [r] = evaluateAks(check, aksSnapshot());
    expect(r?.status).toBe('fail');
    expect(r?.message).toContain(
      'enableFips, securityProfile.enableSecureBoot, securityProfile.enableVtpm',
    );
  });
  it('passes a pool with FIPS, secure boot and vTPM', () => {
    const c = aksCluster((x) => {
      const p = x.agentPoolProfiles![0]!;
      x.agentPoolProfiles = [
        { ...p, enableFips: true, securityProfile: { enableSecureBoot: true, enableVtpm: true } },
      ];
    });
    expect(evaluateAks(check, aksSnapshot(c))[0]?.status).toBe('pass');
  });
  it('is unknown without pools', () => {
    expect(
      evaluateAks(
        check,
        aksSnapshot(
          aksCluster((c) => {
            c.agentPoolProfiles = [];
          }),
        ),
      )[0]?.status,
    ).toBe('unknown');
  });
});
