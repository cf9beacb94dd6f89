import { afterEach, describe, expect, it } from 'vitest';
import type { EksSnapshot } from '../../../core/snapshot-eks';
import type { AwsTarget } from '../../../core/target';
import { EC2_FILTER_VALUES } from '../../../providers/aws/filter-batch';
import { type Estate, loadEstate, parseEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { collectSample, evalOne, snap } from './sample';

/**
 * The calls one target makes once for all its clusters: ec2:DescribeSubnets,
 * ec2:DescribeSecurityGroupRules and logs:DescribeLogGroups, with the real SDK clients against
 * the sandbox, which counts the calls and refuses more than 200 filter values in one call.
 */

const ACCOUNT = '111122223333';
const REGION = 'us-east-2';
const target: AwsTarget = { cloud: 'aws', account: ACCOUNT, region: REGION };
const T = `${ACCOUNT}/${REGION}`;

type Json = Record<string, unknown>;

/** `replaceAll` of several strings inside a JSON value. */
function renamed<V>(value: V, pairs: [string, string][]): V {
  let text = JSON.stringify(value);
  for (const [from, to] of pairs) text = text.split(from).join(to);
  return JSON.parse(text) as V;
}

/**
 * The sample estate with the us-east-2 region of 111122223333 holding `count` copies of
 * `prod-payments` (`c-001`...), each with subnets, security groups and a control-plane log
 * group of its own (ids suffixed with the copy's number), plus `staleLogGroups` log groups
 * of deleted clusters that sort before every copy's.
 */
function estateOf(count: number, staleLogGroups = 0): Estate {
  const base = loadEstate(SAMPLE_ESTATE_FILE);
  const input = JSON.parse(JSON.stringify(base)) as Json;
  const region = (input['aws'] as Json & { accounts: Record<string, Json> }).accounts[ACCOUNT]?.[
    'regions'
  ] as Record<string, { clusters: Json[]; related: Record<string, Json[]> }>;
  const r = region[REGION];
  if (r === undefined) throw new Error('no us-east-2 in the sample');
  const template = r.clusters.find(
    (c) => (c['cluster'] as Json)['name'] === 'prod-payments',
  ) as Json;
  const subnets = r.related['subnets'] ?? [];
  const rules = r.related['securityGroupRules'] ?? [];
  const logGroup = (r.related['logGroups'] ?? [])[0] as Json;
  const ids = [
    ...subnets.map((s) => String(s['SubnetId'])),
    ...new Set(rules.map((x) => String(x['GroupId']))),
  ];
  const clusters: Json[] = [];
  const related: Record<string, Json[]> = { ...r.related, subnets: [], securityGroupRules: [] };
  related['logGroups'] = Array.from({ length: staleLogGroups }, (_, i) =>
    renamed(logGroup, [['prod-payments', `a-deleted-${String(i).padStart(4, '0')}`]]),
  );
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(3, '0');
    const pairs: [string, string][] = [
      ...ids.map((id): [string, string] => [id, `${id}${n}`]),
      ['prod-payments', `c-${n}`],
    ];
    clusters.push(renamed(template, pairs));
    related['subnets']?.push(...renamed(subnets, pairs));
    related['securityGroupRules']?.push(...renamed(rules, pairs));
    related['logGroups']?.push(renamed(logGroup, pairs));
  }
  r.clusters = clusters;
  r.related = related;
  return parseEstate(input);
}

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

async function collect(estate: Estate) {
  sb = await startSandbox({ estate });
  return { sb, ...(await collectSample(sb, target)) };
}

const subnetIds = (s: EksSnapshot) =>
  s.parts.subnets?.state === 'collected' ? s.parts.subnets.value.map((x) => x.SubnetId) : [];

describe('AWS collector: one call per target for subnets, security group rules and log groups', () => {
  it('serves 6 clusters with one call of each, every cluster getting its own objects only', async () => {
    const { sb, result, byName } = await collect(estateOf(6));
    expect(result.errors).toEqual([]);
    expect(byName.size).toBe(6);
    expect(sb.counters.get('ec2:DescribeSubnets', T)).toBe(1);
    expect(sb.counters.get('ec2:DescribeSecurityGroupRules', T)).toBe(1);
    expect(sb.counters.get('logs:DescribeLogGroups', T)).toBe(1);
    for (const [name, s] of byName) {
      const n = name.slice(2);
      const ids = subnetIds(s);
      expect(ids, name).toHaveLength(6);
      expect(
        ids.every((id) => id?.endsWith(n)),
        name,
      ).toBe(true);
      const rules = s.parts.clusterSecurityGroupRules;
      if (rules?.state !== 'collected') throw new Error(`${name}: rules ${rules?.state}`);
      expect(rules.value, name).toHaveLength(4);
      expect(
        rules.value.every((x) => x.GroupId?.endsWith(n)),
        name,
      ).toBe(true);
      expect(s.parts.controlPlaneLogGroup, name).toMatchObject({
        state: 'collected',
        value: [{ logGroupName: `/aws/eks/${name}/cluster`, retentionInDays: 365 }],
      });
      for (const id of ['eks-private-nodes', 'eks-cluster-sg-ingress', 'eks-log-group-retention']) {
        expect(
          evalOne(id, s).map((o) => o.status),
          `${name} ${id}`,
        ).not.toContain('unknown');
      }
    }
    expect(evalOne('eks-log-group-retention', snap(byName, 'c-005'))[0]?.status).toBe('pass');
  });

  it(`splits more than ${EC2_FILTER_VALUES} ids into calls the API accepts`, async () => {
    // 35 clusters × 6 subnets = 210 ids: two DescribeSubnets calls of at most 200 values.
    const { sb, result, byName } = await collect(estateOf(35));
    expect(result.errors).toEqual([]);
    expect(sb.counters.get('ec2:DescribeSubnets', T)).toBe(2);
    expect(sb.counters.get('ec2:DescribeSecurityGroupRules', T)).toBe(1);
    for (const [name, s] of byName) expect(subnetIds(s), name).toHaveLength(6);
  });

  it('a denied batched call makes that part unknown on every cluster, naming the call', async () => {
    const estate = estateOf(4);
    sb = await startSandbox({ estate });
    sb.faults.add({ kind: 'access-denied', operation: 'ec2:DescribeSubnets' });
    sb.faults.add({ kind: 'access-denied', operation: 'logs:DescribeLogGroups' });
    const { result, byName } = await collectSample(sb, target);
    expect(result.errors).toEqual([]);
    expect(byName.size).toBe(4);
    for (const [name, s] of byName) {
      expect(s.parts.subnets, name).toMatchObject({
        state: 'failed',
        errors: [{ operation: 'ec2:DescribeSubnets', code: 'UnauthorizedOperation' }],
      });
      expect(s.parts.controlPlaneLogGroup, name).toMatchObject({
        state: 'failed',
        errors: [{ operation: 'logs:DescribeLogGroups', resource: `/aws/eks/${name}/cluster` }],
      });
      // The other parts, the rules' batch included, are collected.
      expect(s.parts.clusterSecurityGroupRules?.state, name).toBe('collected');
      expect(s.parts.routeTables?.state, name).toBe('collected');
      const unknown = evalOne('eks-private-nodes', s).find((o) => o.status === 'unknown');
      expect(unknown?.message, name).toContain('ec2:DescribeSubnets');
      const logs = evalOne('eks-log-group-retention', s);
      expect(
        logs.map((o) => o.status),
        name,
      ).toEqual(['unknown']);
      expect(logs[0]?.message, name).toContain('logs:DescribeLogGroups');
    }
    expect(sb.counters.get('ec2:DescribeSubnets', T)).toBe(1);
  });

  it('a subnet that no longer exists fails the subnets of its cluster only', async () => {
    const estate = estateOf(3);
    const region = estate.aws?.accounts[ACCOUNT]?.regions[REGION];
    const c2 = region?.clusters.find((c) => c.cluster.name === 'c-002');
    const vpc = c2?.cluster['resourcesVpcConfig'] as { subnetIds: string[] } | undefined;
    if (vpc === undefined) throw new Error('no c-002');
    vpc.subnetIds = [...vpc.subnetIds, 'subnet-0deleted000000000'];
    const { result, byName } = await collect(estate);
    expect(result.errors).toEqual([]);
    expect(snap(byName, 'c-002').parts.subnets).toMatchObject({
      state: 'failed',
      errors: [
        {
          operation: 'ec2:DescribeSubnets',
          code: 'InvalidSubnetID.NotFound',
          message: "The subnet ID 'subnet-0deleted000000000' does not exist",
        },
      ],
    });
    expect(subnetIds(snap(byName, 'c-001'))).toHaveLength(6);
    expect(subnetIds(snap(byName, 'c-003'))).toHaveLength(6);
  });

  it('a cluster that cannot be described does not hold up the batches of the others', async () => {
    const estate = estateOf(5);
    sb = await startSandbox({ estate });
    sb.faults.add({ kind: 'disappear', cluster: 'c-003' });
    const { result, byName } = await collectSample(sb, target);
    expect(result.errors).toMatchObject([{ operation: 'eks:DescribeCluster', resource: 'c-003' }]);
    expect([...byName.keys()].sort()).toEqual(['c-001', 'c-002', 'c-004', 'c-005']);
    for (const [name, s] of byName) expect(subnetIds(s), name).toHaveLength(6);
    expect(sb.counters.get('ec2:DescribeSubnets', T)).toBe(1);
  });

  it('a Region full of other /aws/eks/ log groups costs at most one call more than one per cluster', async () => {
    // 120 groups of deleted clusters sort before the 4 wanted ones: the first page finds none,
    // so each cluster asks for its own group.
    const { sb, byName } = await collect(estateOf(4, 120));
    expect(sb.counters.get('logs:DescribeLogGroups', T)).toBeLessThanOrEqual(4 + 1);
    for (const [name, s] of byName) {
      expect(s.parts.controlPlaneLogGroup, name).toMatchObject({
        state: 'collected',
        value: [{ logGroupName: `/aws/eks/${name}/cluster` }],
      });
    }
  });
});
