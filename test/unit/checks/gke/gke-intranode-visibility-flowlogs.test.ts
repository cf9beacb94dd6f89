import { describe, expect, it } from 'vitest';
import { gkeIntranodeVisibilityFlowlogs as check } from '../../../../checks/gke/gke-intranode-visibility-flowlogs';
import {
  caiCluster,
  deniedPart,
  evaluateOne,
  gkeSnapshot,
  part,
  standardCluster,
} from '../../../builders/gke';

const subnet = (enable?: boolean) =>
  part(
    { name: 'prod-nodes', ...(enable === undefined ? {} : { logConfig: { enable } }) },
    'compute:subnetworks.get',
  );

describe('gke-intranode-visibility-flowlogs', () => {
  it('passes with intranode visibility and flow logs', () => {
    expect(
      evaluateOne(check, gkeSnapshot(standardCluster(), { subnetwork: subnet(true) })).status,
    ).toBe('pass');
  });

  it('fails with flow logs off (logConfig omitted)', () => {
    expect(
      evaluateOne(check, gkeSnapshot(standardCluster(), { subnetwork: subnet() })).status,
    ).toBe('fail');
  });

  it('fails on intranode visibility off without needing the subnetwork', () => {
    expect(evaluateOne(check, gkeSnapshot(caiCluster('gke_legacy_abac', 'joe-clust'))).status).toBe(
      'fail',
    );
  });

  it('is unknown when subnetworks.get was denied, naming the call', () => {
    const r = evaluateOne(
      check,
      gkeSnapshot(standardCluster(), { subnetwork: deniedPart('compute:subnetworks.get') }),
    );
    expect(r.status).toBe('unknown');
    expect(r.message).toContain('compute:subnetworks.get');
  });
});
