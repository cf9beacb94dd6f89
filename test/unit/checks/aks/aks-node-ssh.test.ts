import { describe, expect, it } from 'vitest';
import { aksNodeSsh as check } from '../../../../checks/aks/aks-node-ssh';
import { aksCluster, aksSnapshot, evaluateAks, type MutableCluster } from '../../../builders/aks';

function statuses(change: (c: MutableCluster) => void) {
  return evaluateAks(check, aksSnapshot(aksCluster(change))).map((r) => r.status);
}

describe('aks-node-ssh', () => {
  it('reads an unset sshAccess as the default LocalUser (fail)', () => {
    expect(statuses(() => {})).toEqual(['fail']);
  });
  it('judges every pool', () => {
    expect(
      statuses((c) => {
        const p = c.agentPoolProfiles![0]!;
        c.agentPoolProfiles = [
          { ...p, name: 'a', securityProfile: { sshAccess: 'Disabled' } },
          { ...p, name: 'b', securityProfile: { sshAccess: 'LocalUser' } },
        ];
      }),
    ).toEqual(['pass', 'fail']);
  });
  it('is unknown without pools', () => {
    expect(
      statuses((c) => {
        c.agentPoolProfiles = [];
      }),
    ).toEqual(['unknown']);
  });
});
