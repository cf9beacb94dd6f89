import { describe, expect, it } from 'vitest';
import { eksEndpointPublicAccess as check } from '../../../../checks/eks/eks-endpoint-public-access';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

describe('eks-endpoint-public-access', () => {
  it('fails on the docs example, whose public endpoint is on', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('fail');
    expect(result.message).toContain('my-eks-cluster');
    expect(result.evidence).toEqual([
      { path: 'cluster.resourcesVpcConfig.endpointPublicAccess', value: true },
    ]);
  });

  it('passes when only the private endpoint is on', () => {
    const cluster = describeClusterExample();
    cluster.resourcesVpcConfig = { ...cluster.resourcesVpcConfig, endpointPublicAccess: false };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('pass');
  });

  it('is unknown when an export lacks the field the API always returns', () => {
    const cluster = describeClusterExample();
    delete cluster.resourcesVpcConfig?.endpointPublicAccess;
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('unknown');
    expect(result.evidence[0]).toMatchObject({ absent: true });
  });
});
