import { describe, expect, it } from 'vitest';
import { aksPoolVersionSkew as check } from '../../../../checks/aks/aks-pool-version-skew';
import { aksCluster, aksSnapshot, evaluateAks, type MutableCluster } from '../../../builders/aks';

const statuses = (change: (c: MutableCluster) => void) =>
  evaluateAks(check, aksSnapshot(aksCluster(change))).map((r) => r.status);

describe('aks-pool-version-skew', () => {
  it('passes the spec example (pool and control plane on 1.9.6)', () => {
    expect(statuses(() => {})).toEqual(['pass']);
  });
  it('fails a pool behind the control plane, compares numerically (1.9 < 1.10)', () => {
    expect(
      statuses((c) => {
        c.currentKubernetesVersion = '1.10.2';
        const p = c.agentPoolProfiles![0]!;
        c.agentPoolProfiles = [
          { ...p, name: 'old' },
          { ...p, name: 'new', currentOrchestratorVersion: '1.10.2' },
        ];
      }),
    ).toEqual(['fail', 'pass']);
  });
  it('is unknown without the control plane version', () => {
    expect(
      statuses((c) => {
        delete c.currentKubernetesVersion;
      }),
    ).toEqual(['unknown']);
  });
});
