import { describe, expect, it } from 'vitest';
import { eksControlPlaneLoggingTypes as check } from '../../../../checks/eks/eks-control-plane-logging-types';
import { AuditConfig } from '../../../../core/config';
import {
  describeClusterExample,
  eksSnapshot,
  evalContext,
  evaluateOne,
} from '../../../builders/eks';

describe('eks-control-plane-logging-types', () => {
  it('passes on the docs example, which enables all five log types', () => {
    expect(evaluateOne(check, eksSnapshot()).status).toBe('pass');
  });

  it('fails and names the missing types', () => {
    const cluster = describeClusterExample();
    cluster.logging = {
      clusterLogging: [
        { types: ['api', 'audit', 'authenticator'], enabled: true },
        { types: ['controllerManager', 'scheduler'], enabled: false },
      ],
    };
    const result = evaluateOne(check, eksSnapshot(cluster));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('controllerManager, scheduler');
    expect(result.message).not.toContain('api,');
  });

  it('regression: reads every clusterLogging entry, not only the first (Prowler bug)', () => {
    const cluster = describeClusterExample();
    cluster.logging = {
      clusterLogging: [
        { types: [], enabled: false },
        { types: ['api', 'audit'], enabled: true },
        { types: ['authenticator', 'controllerManager', 'scheduler'], enabled: true },
      ],
    };
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('pass');
  });

  it('takes the required types from the configuration', () => {
    const cluster = describeClusterExample();
    cluster.logging = {
      clusterLogging: [
        { types: ['audit', 'authenticator'], enabled: true },
        { types: ['api', 'controllerManager', 'scheduler'], enabled: false },
      ],
    };
    const ctx = {
      ...evalContext(),
      config: AuditConfig.parse({ eks: { requiredLogTypes: ['audit', 'authenticator'] } }),
    };
    expect(evaluateOne(check, eksSnapshot(cluster), ctx).status).toBe('pass');
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('fail');
  });

  it('is unknown when an export lacks logging, which the API always returns', () => {
    const cluster = describeClusterExample();
    cluster.logging = {};
    expect(evaluateOne(check, eksSnapshot(cluster)).status).toBe('unknown');
  });
});
