import { describe, expect, it } from 'vitest';
import { aksNodePublicIp as check } from '../../../../checks/aks/aks-node-public-ip';
import { aksCluster, aksFixtureCluster, aksSnapshot, evaluateAks } from '../../../builders/aks';

describe('aks-node-public-ip', () => {
  it('fails the private-cluster example, whose pool gives nodes public IPs', () => {
    const [r] = evaluateAks(check, aksSnapshot(aksFixtureCluster('managed-cluster-private.json')));
    expect(r?.status).toBe('fail');
    expect(r?.subject).toEqual({ type: 'agent-pool', id: 'nodepool1', name: 'nodepool1' });
    expect(r?.evidence).toEqual([
      { path: 'cluster.agentPoolProfiles[0].enableNodePublicIP', value: true },
    ]);
  });

  it('judges every pool: one private pool does not hide a public one (Prowler "any pool" bug)', () => {
    const cluster = aksCluster((c) => {
      const first = c.agentPoolProfiles![0]!;
      c.agentPoolProfiles = [
        { ...first, name: 'private' },
        { ...first, name: 'public', enableNodePublicIP: true },
      ];
    });
    expect(
      evaluateAks(check, aksSnapshot(cluster)).map((r) => [r.subject?.name, r.status]),
    ).toEqual([
      ['private', 'pass'],
      ['public', 'fail'],
    ]);
  });

  it('is unknown when the input has no agent pools', () => {
    const cluster = aksCluster((c) => {
      delete c.agentPoolProfiles;
    });
    expect(evaluateAks(check, aksSnapshot(cluster)).map((r) => r.status)).toEqual(['unknown']);
  });
});
