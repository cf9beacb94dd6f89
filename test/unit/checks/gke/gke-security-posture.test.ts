import { describe, expect, it } from 'vitest';
import { gkeSecurityPosture as check } from '../../../../checks/gke/gke-security-posture';
import {
  autopilotCluster,
  caiCluster,
  evaluateOne,
  gkeSnapshot,
  standardCluster,
} from '../../../builders/gke';

describe('gke-security-posture', () => {
  it('passes BASIC posture with vulnerability scanning', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('fails with vulnerability scanning disabled', () => {
    const r = evaluateOne(check, gkeSnapshot(autopilotCluster()));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('VULNERABILITY_DISABLED');
  });

  it('fails when securityPostureConfig is omitted', () => {
    expect(evaluateOne(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust'))).status).toBe(
      'fail',
    );
  });
});
