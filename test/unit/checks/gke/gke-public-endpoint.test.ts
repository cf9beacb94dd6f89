import { describe, expect, it } from 'vitest';
import { gkePublicEndpoint as check } from '../../../../checks/gke/gke-public-endpoint';
import {
  autopilotCluster,
  caiCluster,
  evaluateOne,
  gkeSnapshot,
  standardCluster,
} from '../../../builders/gke';

const cai = (asset: string) => gkeSnapshot(caiCluster('gke_enable_private_endpoint', asset));

describe('gke-public-endpoint', () => {
  it('legacy API: fails a private cluster whose enablePrivateEndpoint is omitted (false)', () => {
    const r = evaluateOne(check, cai('private-endpoint-public'));
    expect(r.status).toBe('fail');
    expect(r.evidence[0]).toMatchObject({
      path: 'cluster.privateClusterConfig.enablePrivateEndpoint',
      absent: true,
    });
  });

  it('legacy API: fails a non-private cluster and passes a private endpoint', () => {
    expect(evaluateOne(check, cai('public')).status).toBe('fail');
    expect(evaluateOne(check, cai('private-endpoint-private')).status).toBe('pass');
  });

  it('current API: controlPlaneEndpointsConfig wins over the legacy field', () => {
    // Autopilot fixture: legacy privateClusterConfig has no enablePrivateEndpoint, and the new API says public.
    const ap = evaluateOne(check, gkeSnapshot(autopilotCluster()));
    expect(ap.status).toBe('fail');
    expect(ap.message).toContain('enablePublicEndpoint=true');
    // Standard fixture: new API has enablePublicEndpoint omitted (false) -> no public IP endpoint.
    const c = standardCluster();
    delete c.privateClusterConfig;
    expect(evaluateOne(check, gkeSnapshot(c)).status).toBe('pass');
  });

  it('passes with IP endpoints disabled, noting IAM-gated external DNS access', () => {
    const c = standardCluster();
    c.controlPlaneEndpointsConfig = {
      ipEndpointsConfig: {},
      dnsEndpointConfig: { endpoint: 'gke-x.europe-west1.gke.goog', allowExternalTraffic: true },
    };
    const r = evaluateOne(check, gkeSnapshot(c));
    expect(r.status).toBe('pass');
    expect(r.message).toContain('IP endpoints disabled');
    expect(r.message).toContain('gated by IAM');
  });
});
