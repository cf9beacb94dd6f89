import { describe, expect, it } from 'vitest';
import { eksNetworkPolicyEnforced as check } from '../../../../checks/eks/eks-network-policy-enforced';
import { collected, failed } from '../../../../core/snapshot';
import type { EksAddon } from '../../../../core/snapshot-eks';
import {
  describeAddonExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';

const OPS = ['eks:ListAddons', 'eks:DescribeAddon'];

function withAddons(addons: EksAddon[], cluster = describeClusterExample()) {
  return eksSnapshot(cluster, { addons: collected(addons, OPS) });
}

function vpcCni(configurationValues: string | undefined): EksAddon {
  const addon = describeAddonExample();
  if (configurationValues === undefined) delete addon.configurationValues;
  else addon.configurationValues = configurationValues;
  return addon;
}

describe('eks-network-policy-enforced', () => {
  it('regression: fails the docs cluster + vpc-cni add-on although clusterSecurityGroupId is set (Prowler passes on that)', () => {
    const cluster = describeClusterExample();
    expect(cluster.resourcesVpcConfig?.clusterSecurityGroupId).toBeDefined();
    const result = evaluateOne(check, withAddons([describeAddonExample()], cluster));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('not set');
    expect(result.evidence[0]?.path).toBe('parts.addons.value[0].configurationValues');
  });

  it('passes with enableNetworkPolicy "true" in JSON configuration values', () => {
    const result = evaluateOne(check, withAddons([vpcCni('{"enableNetworkPolicy":"true"}')]));
    expect(result.status).toBe('pass');
  });

  it('passes with enableNetworkPolicy in YAML beside other settings', () => {
    const yaml = `${describeAddonExample().configurationValues}\nenableNetworkPolicy: 'true'`;
    expect(evaluateOne(check, withAddons([vpcCni(yaml)])).status).toBe('pass');
  });

  it('fails with enableNetworkPolicy "false" and with no configuration values', () => {
    expect(evaluateOne(check, withAddons([vpcCni('{"enableNetworkPolicy":"false"}')])).status).toBe(
      'fail',
    );
    expect(evaluateOne(check, withAddons([vpcCni(undefined)])).status).toBe('fail');
  });

  it('is unknown when configurationValues cannot be parsed', () => {
    const result = evaluateOne(check, withAddons([vpcCni('{"enableNetworkPolicy": ')]));
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('does not parse');
  });

  it('is unknown without a vpc-cni add-on (self-managed or third-party CNI)', () => {
    const coredns = { ...describeAddonExample(), addonName: 'coredns' };
    const result = evaluateOne(check, withAddons([coredns]));
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('coredns');
  });

  it('is unknown on EKS Auto Mode, configured inside the cluster', () => {
    const cluster = describeClusterExample();
    cluster.computeConfig = { enabled: true };
    expect(evaluateOne(check, withAddons([describeAddonExample()], cluster)).status).toBe(
      'unknown',
    );
  });

  it('is unknown, naming the call, when the add-ons were not collected or failed', () => {
    expect(evaluateOne(check, eksSnapshot()).message).toContain('eks:ListAddons');
    const snapshot = eksSnapshot(describeClusterExample(), {
      addons: failed([
        { operation: 'eks:ListAddons', code: 'AccessDeniedException', message: 'no' },
      ]),
    });
    const result = evaluateOne(check, snapshot);
    expect(result.status).toBe('unknown');
    expect(result.message).toContain('eks:ListAddons failed with AccessDeniedException');
  });
});
