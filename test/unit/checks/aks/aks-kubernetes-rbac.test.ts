import { describe, expect, it } from 'vitest';
import { aksKubernetesRbac as check } from '../../../../checks/aks/aks-kubernetes-rbac';
import { aksFixtureCluster, aksSnapshot, evaluateAksOne, statusOf } from '../../../builders/aks';

describe('aks-kubernetes-rbac', () => {
  it('fails the spec example (enableRBAC=false)', () => {
    expect(statusOf(check)).toBe('fail');
  });
  it('passes enableRBAC=true without saying anything about Azure RBAC', () => {
    const r = evaluateAksOne(check, aksSnapshot(aksFixtureCluster('managed-cluster-private.json')));
    expect(r.status).toBe('pass');
    expect(r.evidence.map((e) => e.path)).toEqual(['cluster.enableRbac']);
  });
  it('is unknown when the always-returned field is missing', () => {
    expect(
      statusOf(check, (c) => {
        delete c.enableRbac;
      }),
    ).toBe('unknown');
  });
});
