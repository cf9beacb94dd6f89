import { describe, expect, it } from 'vitest';
import { gkeGoogleGroupsRbac as check } from '../../../../checks/gke/gke-google-groups-rbac';
import { autopilotCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-google-groups-rbac', () => {
  it('passes with a security group', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).message).toContain(
      'gke-security-groups@acme.example',
    );
  });

  it('fails when not configured', () => {
    expect(evaluateOne(check, gkeSnapshot(autopilotCluster())).status).toBe('fail');
  });

  it('fails when enabled without a group', () => {
    const c = standardCluster();
    c.authenticatorGroupsConfig = { enabled: true };
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('fail');
  });
});
