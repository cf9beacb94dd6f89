import type { LogType } from '@aws-sdk/client-eks';
import { describe, expect, it } from 'vitest';
import { eksAuditLogging as check } from '../../../../checks/eks/eks-audit-logging';
import { describeClusterExample, eksSnapshot, evaluateOne } from '../../../builders/eks';

const ALL: LogType[] = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'];

describe('eks-audit-logging', () => {
  it('passes on the docs example, which enables all five log types', () => {
    const result = evaluateOne(check, eksSnapshot());
    expect(result.status).toBe('pass');
    expect(result.evidence).toEqual([
      { path: 'cluster.logging.clusterLogging[0]', value: { types: ALL, enabled: true } },
    ]);
  });

  it('fails when audit is listed only under enabled=false', () => {
    const cluster = describeClusterExample();
    cluster.logging = {
      clusterLogging: [
        { types: ['api', 'authenticator'], enabled: true },
        { types: ['audit', 'controllerManager', 'scheduler'], enabled: false },
      ],
    };
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('my-eks-cluster');
    expect(result.evidence.map((e) => e.path)).toEqual([
      'cluster.logging.clusterLogging[0]',
      'cluster.logging.clusterLogging[1]',
    ]);
  });

  it('fails when logging is entirely off (the API lists every type as disabled)', () => {
    const cluster = describeClusterExample();
    cluster.logging = { clusterLogging: [{ types: ALL, enabled: false }] };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('fail');
  });

  it('regression: passes when the enabled entry is not the first one (Prowler reads only clusterLogging[0])', () => {
    const cluster = describeClusterExample();
    cluster.logging = {
      clusterLogging: [
        { types: ['api', 'controllerManager', 'scheduler'], enabled: false },
        { types: ['audit', 'authenticator'], enabled: true },
      ],
    };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('pass');
  });

  it('is unknown when an export lacks logging, which the API always returns', () => {
    const cluster = describeClusterExample();
    delete cluster.logging;
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('unknown');
    expect(result.evidence).toEqual([
      { path: 'cluster.logging.clusterLogging', value: null, absent: true },
    ]);
  });
});
