import { describe, expect, it } from 'vitest';
import { eksAuthenticationMode as check } from '../../../../checks/eks/eks-authentication-mode';
import {
  clusterExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';

function withMode(mode: 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP') {
  const cluster = describeClusterExample();
  cluster.accessConfig = { ...cluster.accessConfig, authenticationMode: mode };
  return eksSnapshot(cluster);
}

describe('eks-authentication-mode', () => {
  it('passes only for API', () => {
    const result = evaluateOne(check, withMode('API'));
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'cluster.accessConfig.authenticationMode', value: 'API' },
    ]);
  });

  it('fails on the docs example, API_AND_CONFIG_MAP, because aws-auth is still honoured', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('fail');
    expect(result.message).toContain('API_AND_CONFIG_MAP');
    expect(result.message).toContain('aws-auth');
  });

  it('fails for CONFIG_MAP', () => {
    const result = evaluateOne(check, withMode('CONFIG_MAP'));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('CONFIG_MAP');
  });

  it('is unknown for a 2019 export without accessConfig (the current API always returns it)', () => {
    const result = evaluateOne(check, eksSnapshot(clusterExample('create-cluster.2.json')));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([
      { path: 'cluster.accessConfig.authenticationMode', value: null, absent: true },
    ]);
  });

  it('is unknown for a mode it does not know', () => {
    const cluster = describeClusterExample();
    cluster.accessConfig = { authenticationMode: 'SOMETHING_NEW' as 'API' };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('unknown');
  });
});
