import { describe, expect, it } from 'vitest';
import { gkeAuthorizedNetworks as check } from '../../../../checks/gke/gke-authorized-networks';
import {
  autopilotCluster,
  caiCluster,
  evaluateOne,
  gkeSnapshot,
  standardCluster,
} from '../../../builders/gke';

const cai = (asset: string) =>
  gkeSnapshot(caiCluster('gke_master_authorized_networks_enabled', asset));

describe('gke-authorized-networks', () => {
  it('fails on masterAuthorizedNetworksConfig: {} (enabled omitted = false)', () => {
    expect(evaluateOne(check, cai('public')).status).toBe('fail');
  });

  it('passes with narrow CIDRs, and with no CIDRs (internal only)', () => {
    expect(evaluateOne(check, cai('private-endpoint-restricted')).status).toBe('pass');
    expect(evaluateOne(check, cai('private-endpoint-private')).status).toBe('pass');
  });

  it('fails on an internet-wide range or on access from all Google Cloud public IPs', () => {
    const c = standardCluster();
    const ip = c.controlPlaneEndpointsConfig?.ipEndpointsConfig;
    if (!ip) throw new Error('fixture');
    ip.authorizedNetworksConfig = { enabled: true, cidrBlocks: [{ cidrBlock: '0.0.0.0/0' }] };
    expect(evaluateOne(check, gkeSnapshot(c)).message).toContain('0.0.0.0/0');
    ip.authorizedNetworksConfig = { enabled: true, gcpPublicCidrsAccessEnabled: true };
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('fail');
  });

  it('reads the nested config of the current endpoint API (Autopilot: {} = off)', () => {
    const r = evaluateOne(check, gkeSnapshot(autopilotCluster()));
    expect(r.status).toBe('fail');
    expect(r.evidence.map((e) => e.path)).toContain(
      'cluster.controlPlaneEndpointsConfig.ipEndpointsConfig.authorizedNetworksConfig.enabled',
    );
  });

  it('is not applicable when IP endpoints are disabled', () => {
    const c = standardCluster();
    c.controlPlaneEndpointsConfig = { ipEndpointsConfig: {} };
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('not_applicable');
  });
});
