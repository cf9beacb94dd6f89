import { describe, expect, it } from 'vitest';
import { eksEndpointPrivateAccess as check } from '../../../../checks/eks/eks-endpoint-private-access';
import {
  clusterExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';

describe('eks-endpoint-private-access', () => {
  it('passes on the docs example, whose private endpoint is on', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'cluster.resourcesVpcConfig.endpointPrivateAccess', value: true },
    ]);
  });

  it('fails when the private endpoint is off', () => {
    const cluster = describeClusterExample();
    cluster.resourcesVpcConfig = { ...cluster.resourcesVpcConfig, endpointPrivateAccess: false };
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('endpointPrivateAccess=false');
  });

  it('passes the private-only create-cluster docs example', () => {
    expect(evaluateOne(check, eksSnapshot(clusterExample('create-cluster.2.json'))).status).toBe(
      'pass',
    );
  });

  it('is unknown when an export lacks the field the API always returns', () => {
    const cluster = describeClusterExample();
    delete cluster.resourcesVpcConfig?.endpointPrivateAccess;
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('unknown');
    expect(result.evidence[0]).toMatchObject({ absent: true });
  });
});
