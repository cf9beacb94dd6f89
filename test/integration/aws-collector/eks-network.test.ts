import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../sandbox/server';
import { ACCOUNT, collectSample, evalOne, sampleSandbox, snap } from './sample';

let sb: Sandbox;
beforeEach(async () => {
  sb = await sampleSandbox();
});
afterEach(async () => {
  await sb.stop();
});

describe('AWS collector: EC2 parts against the sandbox', () => {
  it('collects the VPC, subnets, route tables, rules, launch templates and the EBS default', async () => {
    const { result, byName } = await collectSample(sb);
    expect(result.errors).toEqual([]);
    const { parts } = snap(byName, 'prod-payments');
    expect(parts.vpc).toMatchObject({
      state: 'collected',
      value: { VpcId: 'vpc-0012b8e1cc0abb17d', IsDefault: false },
    });
    if (parts.subnets?.state !== 'collected') throw new Error('subnets');
    expect(parts.subnets.value).toHaveLength(6);
    if (parts.routeTables?.state !== 'collected') throw new Error('route tables');
    expect(parts.routeTables.value.map((t) => t.RouteTableId)).toHaveLength(3);
    expect(parts.routeTables.value[1]?.Routes?.[1]?.GatewayId).toBe('igw-0c0a1b2c3d4e5f607');
    if (parts.clusterSecurityGroupRules?.state !== 'collected') throw new Error('rules');
    expect(parts.clusterSecurityGroupRules.value).toHaveLength(4);
    // Version "2" of the workers template, not every version.
    expect(parts.launchTemplateVersions).toMatchObject({
      state: 'collected',
      value: [{ LaunchTemplateId: 'lt-0f1e2d3c4b5a69788', VersionNumber: 2 }],
    });
    expect(parts.ebsEncryptionByDefault).toMatchObject({ state: 'collected', value: true });
    // The node group without a launch template of its own stays unknown (the check says why).
    expect(
      evalOne('eks-node-imdsv2-hoplimit', snap(byName, 'prod-payments')).map((o) => o.status),
    ).toEqual(['unknown', 'pass']);
    for (const id of ['eks-private-nodes', 'eks-default-vpc', 'eks-cluster-sg-ingress']) {
      expect(
        evalOne(id, snap(byName, 'prod-payments')).map((o) => o.status),
        id,
      ).not.toContain('unknown');
    }
  });

  it('decides bad settings: default VPC, public nodes, API open to the internet, $Latest template', async () => {
    const b = await collectSample(sb, {
      cloud: 'aws',
      account: '444455556666',
      region: 'us-east-2',
    });
    const dev = snap(b.byName, 'dev-sandbox');
    expect(evalOne('eks-default-vpc', dev)[0]?.status).toBe('fail');
    expect(evalOne('eks-cluster-sg-ingress', dev).map((o) => o.status)).toContain('fail');
    expect(evalOne('eks-private-nodes', dev).map((o) => o.status)).toContain('fail');
    const c = await collectSample(sb, {
      cloud: 'aws',
      account: '444455556666',
      region: 'eu-west-1',
    });
    const ci = snap(c.byName, 'ci-runners');
    expect(ci.parts.launchTemplateVersions).toMatchObject({ value: [{ VersionNumber: 2 }] });
    expect(evalOne('eks-node-imdsv2-hoplimit', ci)[0]?.status).toBe('fail');
  });

  it('a denied EC2 call fails its part only', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'ec2:DescribeRouteTables' });
    const { byName } = await collectSample(sb);
    const s = snap(byName, 'prod-payments');
    expect(s.parts.routeTables).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'ec2:DescribeRouteTables' }],
    });
    expect(s.parts.subnets?.state).toBe('collected');
    const outcomes = evalOne('eks-private-nodes', s);
    expect(outcomes.map((o) => o.status)).toContain('unknown');
    expect(outcomes.find((o) => o.status === 'unknown')?.message).toContain(
      'ec2:DescribeRouteTables',
    );
  });

  it('asks region-wide objects once per target', async () => {
    await collectSample(sb);
    const t = `${ACCOUNT}/us-east-2`;
    expect(sb.counters.get('ec2:GetEbsEncryptionByDefault', t)).toBe(1);
    // Both clusters of us-east-2 share the VPC: its tables are fetched once.
    expect(sb.counters.get('ec2:DescribeVpcs', t)).toBe(1);
    expect(sb.counters.get('ec2:DescribeRouteTables', t)).toBe(1);
    expect(sb.counters.get('ec2:DescribeLaunchTemplateVersions', t)).toBe(1);
    expect(sb.state.unmatched).toEqual([]);
  });
});
