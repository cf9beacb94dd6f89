import { describe, expect, it } from 'vitest';
import { gkeNodeOauthScopes as check } from '../../../../checks/gke/gke-node-oauth-scopes';
import {
  autopilotCluster,
  caiCluster,
  gkeSnapshot,
  standardCluster,
  statuses,
} from '../../../builders/gke';

describe('gke-node-oauth-scopes', () => {
  it('passes cloud-platform scope with a dedicated service account', () => {
    expect(statuses(check, gkeSnapshot(standardCluster()))).toEqual(['pass', 'pass']);
  });

  it('fails the compute read-write scope with the default service account', () => {
    expect(
      statuses(check, gkeSnapshot(caiCluster('gke_allowed_node_sa_scopes', 'joe-clust2'))),
    ).toEqual(['fail']);
  });

  it('passes restricted scopes with the default service account', () => {
    expect(
      statuses(check, gkeSnapshot(caiCluster('gke_allowed_node_sa_scopes', 'joe-clust3'))),
    ).toEqual(['pass']);
  });

  it('fails Autopilot pools and defaults: cloud-platform with the default SA', () => {
    expect(statuses(check, gkeSnapshot(autopilotCluster()))).toEqual(['fail', 'fail']);
  });
});
