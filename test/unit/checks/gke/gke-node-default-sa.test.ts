import { describe, expect, it } from 'vitest';
import { gkeNodeDefaultSa as check } from '../../../../checks/gke/gke-node-default-sa';
import {
  autopilotCluster,
  caiCluster,
  evaluate,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

describe('gke-node-default-sa', () => {
  it('passes every pool that runs as a dedicated service account', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails the literal "default"', () => {
    expect(
      statuses(check, gkeSnapshot(caiCluster('gke_disable_default_service_account', 'joe-clust'))),
    ).toEqual(['fail']);
    expect(
      statuses(check, gkeSnapshot(caiCluster('gke_disable_default_service_account', 'joe-clust2'))),
    ).toEqual(['pass']);
  });

  it('fails the <number>-compute@developer.gserviceaccount.com spelling and an omitted serviceAccount', () => {
    const c = standardCluster();
    const [system, batch] = c.nodePools ?? [];
    if (!system?.config || !batch?.config) throw new Error('fixture');
    system.config.serviceAccount = '123456789012-compute@developer.gserviceaccount.com';
    delete batch.config.serviceAccount;
    expect(statuses(check, gkeSnapshot(c))).toEqual(['fail', 'fail']);
  });

  it('judges every pool, not only the first (Prowler/kube-bench stop at the first)', () => {
    const c = standardCluster();
    const batch = c.nodePools?.[1];
    if (batch?.config) batch.config.serviceAccount = 'default';
    expect(statuses(check, gkeSnapshot(c))).toEqual(['pass', 'fail']);
  });

  it('judges the node auto-provisioning defaults of a Standard cluster', () => {
    const c = standardCluster();
    c.autoscaling = { enableNodeAutoprovisioning: true };
    const out = evaluate(check, gkeSnapshot(c));
    expect(out.map((o) => o.status)).toEqual(['pass', 'pass', 'fail']);
    expect(out[2]?.subject?.type).toBe('autoprovisioning-defaults');
  });

  it('still fails an Autopilot cluster on the default node service account', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['fail', 'fail']);
  });
});
