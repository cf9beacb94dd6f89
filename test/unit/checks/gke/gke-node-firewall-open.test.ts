import { describe, expect, it } from 'vitest';
import { gkeNodeFirewallOpen as check } from '../../../../checks/gke/gke-node-firewall-open';
import type { ComputeFirewall } from '../../../../core/snapshot-gke';
import { deniedPart, evaluateOne, gkeSnapshot, part, standardCluster } from '../../../builders/gke';

const NET = 'https://www.googleapis.com/compute/v1/projects/acme-prod/global/networks/prod-vpc';
const rules = (...r: ComputeFirewall[]) => ({ firewalls: part(r, 'compute:firewalls.list') });
const gkeAll: ComputeFirewall = {
  name: 'gke-prod-standard-1a2b3c4d-all',
  network: NET,
  direction: 'INGRESS',
  priority: 1000,
  sourceRanges: ['10.80.0.0/14'],
  allowed: [{ IPProtocol: 'tcp' }],
  targetTags: ['gke-prod-standard-1a2b3c4d-node'],
};

describe('gke-node-firewall-open', () => {
  it('passes with only GKE-internal rules', () => {
    expect(evaluateOne(check, gkeSnapshot(standardCluster(), rules(gkeAll))).status).toBe('pass');
  });

  it('fails on an internet rule targeting the node tag, or every instance', () => {
    const ssh: ComputeFirewall = {
      ...gkeAll,
      name: 'allow-ssh',
      sourceRanges: ['0.0.0.0/0'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    };
    const r = evaluateOne(check, gkeSnapshot(standardCluster(), rules(gkeAll, ssh)));
    expect(r.status).toBe('fail');
    expect(r.message).toContain('allow-ssh');
    const { targetTags: _t, ...everyInstance } = ssh;
    expect(evaluateOne(check, gkeSnapshot(standardCluster(), rules(everyInstance))).status).toBe(
      'fail',
    );
  });

  it('ignores disabled rules, other networks, other targets and LoadBalancer Service rules', () => {
    const open = { ...gkeAll, sourceRanges: ['0.0.0.0/0'] };
    const s = gkeSnapshot(
      standardCluster(),
      rules(
        { ...open, name: 'off', disabled: true },
        { ...open, name: 'other-net', network: NET.replace('prod-vpc', 'dev-vpc') },
        { ...open, name: 'web', targetTags: ['web-vm'] },
        {
          ...open,
          name: 'k8s-fw-a1b2c3',
          description: '{"kubernetes.io/service-name":"default/web"}',
        },
      ),
    );
    expect(evaluateOne(check, s).status).toBe('pass');
  });

  it('is unknown when firewalls.list was denied', () => {
    const s = gkeSnapshot(standardCluster(), { firewalls: deniedPart('compute:firewalls.list') });
    expect(evaluateOne(check, s).status).toBe('unknown');
  });
});
