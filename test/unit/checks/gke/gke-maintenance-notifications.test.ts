import { describe, expect, it } from 'vitest';
import { gkeMaintenanceNotifications as check } from '../../../../checks/gke/gke-maintenance-notifications';
import { autopilotCluster, evaluateOne, gkeSnapshot, standardCluster } from '../../../builders/gke';

describe('gke-maintenance-notifications', () => {
  it('passes with a recurring window and Pub/Sub notifications', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster())).status).toBe('pass');
  });

  it('fails with pubsub: {} (enabled omitted) and no window', () => {
    const r = evaluateOne(check, gkeSnapshot(autopilotCluster()));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('no maintenance window and no Pub/Sub upgrade notifications');
  });
});
