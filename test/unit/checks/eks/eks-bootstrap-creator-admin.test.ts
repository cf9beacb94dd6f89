import { describe, expect, it } from 'vitest';
import { eksBootstrapCreatorAdmin as check } from '../../../../checks/eks/eks-bootstrap-creator-admin';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

function withFlag(value: boolean) {
  const cluster = describeClusterExample();
  cluster.accessConfig = {
    ...cluster.accessConfig,
    bootstrapClusterCreatorAdminPermissions: value,
  };
  return eksSnapshot(cluster);
}

describe('eks-bootstrap-creator-admin', () => {
  it('passes a cluster created without the creator admin grant', () => {
    const result = evaluateOne(check, withFlag(false));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'cluster.accessConfig.bootstrapClusterCreatorAdminPermissions', value: false },
    ]);
  });

  it('fails a cluster whose creator was made admin', () => {
    const result = evaluateOne(check, withFlag(true));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('bootstrapClusterCreatorAdminPermissions=true');
  });

  it('is unknown for the docs example, whose accessConfig lacks the flag', () => {
    expect(evaluateOne(check, eksSnapshot()).status).toBe('unknown');
  });
});
