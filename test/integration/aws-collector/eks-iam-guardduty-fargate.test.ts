import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AwsTarget } from '../../../core/target';
import { createAwsCollector } from '../../../providers/aws/collector';
import { awsClientConfig } from '../../../sandbox/clients';
import type { Sandbox } from '../../../sandbox/server';
import { ACCOUNT, collectSample, evalOne, sampleSandbox, snap } from './sample';

const OTHER = '444455556666';
const TARGETS: AwsTarget[] = [
  { cloud: 'aws', account: ACCOUNT, region: 'us-east-2' },
  { cloud: 'aws', account: ACCOUNT, region: 'eu-west-1' },
  { cloud: 'aws', account: OTHER, region: 'us-east-2' },
  { cloud: 'aws', account: OTHER, region: 'eu-west-1' },
];

let sb: Sandbox;
beforeEach(async () => {
  sb = await sampleSandbox();
});
afterEach(async () => {
  await sb.stop();
});

/** Every AWS target of the sample estate through one collector, as one run does. */
async function collectAll(clock?: () => Date) {
  const { endpoint, credentials } = awsClientConfig(sb.url);
  const collector = createAwsCollector({
    endpoint,
    credentials,
    maxAttempts: 1,
    assumeRole: { roleName: 'mk8s-audit-read' },
    ...(clock ? { now: clock } : {}),
  });
  const results = [];
  for (const t of TARGETS) results.push(await collector.collect(t));
  return { collector, results };
}

const statuses = (id: string, s: Parameters<typeof evalOne>[1]) =>
  evalOne(id, s).map((o) => o.status);

describe('AWS collector: IAM roles, GuardDuty, Fargate profiles and Pod Identity against the sandbox', () => {
  it('collects the roles with decoded documents, the detector, the profiles and the associations', async () => {
    const { result, byName } = await collectSample(sb);
    expect(result.errors).toEqual([]);
    const { parts } = snap(byName, 'prod-payments');
    if (parts.iamRoles.state !== 'collected') throw new Error('roles');
    expect(parts.iamRoles.errors).toBeUndefined();
    expect(parts.iamRoles.value.map((r) => r.role.RoleName)).toEqual([
      'eks-cluster-role',
      'prod-payments-node-role',
      'eks-fargate-pod-role',
    ]);
    const node = parts.iamRoles.value[1];
    // IAM sends documents URL-encoded; the collector decodes trust and managed policy documents.
    expect(JSON.parse(node?.role.AssumeRolePolicyDocument ?? '')).toMatchObject({
      Statement: [{ Principal: { Service: 'ec2.amazonaws.com' } }],
    });
    expect(node?.customerPolicies?.map((p) => p.policy.DefaultVersionId)).toEqual(['v2']);
    expect(JSON.parse(node?.customerPolicies?.[0]?.document ?? '')).toMatchObject({
      Statement: [{ Sid: 'ShipNodeLogs' }],
    });
    expect(parts.guardDutyDetectors).toMatchObject({
      state: 'collected',
      value: [{ detectorId: '12abc34d567e8fa901bc2d34e56789f0', detector: { Status: 'ENABLED' } }],
    });
    if (parts.guardDutyDetectors.state !== 'collected') throw new Error('detectors');
    const runtime = parts.guardDutyDetectors.value[0]?.detector.Features?.find(
      (f) => f.Name === 'RUNTIME_MONITORING',
    );
    expect(runtime?.AdditionalConfiguration?.[0]).toMatchObject({
      Name: 'EKS_ADDON_MANAGEMENT',
      Status: 'ENABLED',
      UpdatedAt: '2026-01-05T10:00:00.000Z',
    });
    expect(parts.fargateProfiles).toMatchObject({
      state: 'collected',
      value: [{ fargateProfileName: 'batch-jobs', clusterName: 'prod-payments' }],
    });
    expect(parts.podIdentityAssociations).toMatchObject({
      state: 'collected',
      value: [
        {
          serviceAccount: 'aws-node',
          roleArn: `arn:aws:iam::${ACCOUNT}:role/prod-payments-vpc-cni`,
        },
        { serviceAccount: 'ledger-api' },
      ],
    });
    const pp = snap(byName, 'prod-payments');
    expect(statuses('eks-cluster-role-least-privilege', pp)).toEqual(['pass']);
    expect(statuses('eks-node-role-least-privilege', pp)).toEqual(['pass', 'pass']);
    expect(statuses('eks-cni-policy-on-node-role', pp)).toEqual(['pass']);
    expect(statuses('eks-guardduty-runtime', pp)).toEqual(['pass']);
    expect(statuses('eks-guardduty-audit-logs', pp)).toEqual(['pass']);
    expect(statuses('eks-cni-policy-on-node-role', snap(byName, 'prod-web'))).toEqual(['fail']);
  });

  it('decides the IAM and GuardDuty checks on every sample cluster, and fetches each object once', async () => {
    const { results } = await collectAll();
    const byName = new Map(
      results
        .flatMap((r) => r.snapshots)
        .flatMap((s) => (s.provider === 'eks' ? [[s.ref.name, s] as const] : [])),
    );
    const table = Object.fromEntries(
      [...byName.keys()]
        .sort()
        .map((name) => [
          name,
          [
            'eks-cluster-role-least-privilege',
            'eks-node-role-least-privilege',
            'eks-cni-policy-on-node-role',
            'eks-guardduty-runtime',
            'eks-guardduty-audit-logs',
          ].map((id) => statuses(id, snap(byName, name)).join('+')),
        ]),
    );
    expect(table).toEqual({
      analytics: ['pass', 'pass', 'fail', 'fail', 'pass'],
      'ci-runners': ['fail', 'fail+fail', 'fail', 'pass', 'fail'],
      'dev-sandbox': ['fail', 'fail', 'fail', 'fail', 'fail'],
      'prod-payments': ['pass', 'pass+pass', 'pass', 'pass', 'pass'],
      'prod-web': ['pass', 'pass', 'fail', 'pass', 'pass'],
    });
    const c = sb.counters;
    // IAM is global: the roles, role list and OIDC providers once per account, not per region.
    expect(c.get('iam:ListRoles', ACCOUNT)).toBe(1);
    expect(c.get('iam:ListRoles', OTHER)).toBe(1);
    expect(c.get('iam:ListOpenIDConnectProviders', ACCOUNT)).toBe(1);
    expect(c.get('iam:ListOpenIDConnectProviders', OTHER)).toBe(1);
    // Account A: eks-cluster-role (3 clusters, 2 regions), eks-node-role (2 clusters),
    // prod-payments-node-role, eks-fargate-pod-role. Account B: cluster, node and Fargate roles.
    for (const op of ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies']) {
      expect(c.get(op, ACCOUNT), op).toBe(4);
      expect(c.get(op, OTHER), op).toBe(3);
    }
    expect(c.get('iam:GetRolePolicy', OTHER)).toBe(2); // debug-everything, cloudwatch-metrics
    expect(c.get('iam:GetPolicy')).toBe(2);
    expect(c.get('iam:GetPolicyVersion')).toBe(2);
    // GuardDuty is regional: one listing per target, one GetDetector per detector.
    expect(c.get('guardduty:ListDetectors')).toBe(4);
    expect(c.get('guardduty:GetDetector')).toBe(3);
    expect(c.get('eks:ListFargateProfiles')).toBe(5);
    expect(c.get('eks:DescribeFargateProfile')).toBe(2);
    expect(c.get('eks:ListPodIdentityAssociations')).toBe(5);
    expect(c.get('eks:DescribePodIdentityAssociation')).toBe(2);
    expect(c.get('eks:DescribeClusterVersions')).toBe(2);
    expect(sb.state.unmatched).toEqual([]);
  });

  it('asks again for account-wide objects once the shared cache has expired (the next run)', async () => {
    let now = Date.parse('2026-11-28T02:00:00Z');
    const clock = () => new Date(now);
    const { collector } = await collectAll(clock);
    now += 11 * 60 * 1000;
    await collector.collect({ cloud: 'aws', account: ACCOUNT, region: 'us-east-2' });
    expect(sb.counters.get('iam:ListRoles', ACCOUNT)).toBe(2);
    // prod-payments and prod-web use four roles of the account, each asked for again once.
    expect(sb.counters.get('iam:GetRole', ACCOUNT)).toBe(4 + 4);
  });

  it('a denied GetPolicyVersion leaves the role collected and makes only its checks unknown', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'iam:GetPolicyVersion' });
    const { byName } = await collectSample(sb);
    const pp = snap(byName, 'prod-payments');
    expect(pp.parts.iamRoles).toMatchObject({
      state: 'collected',
      errors: [
        {
          operation: 'iam:GetPolicyVersion',
          resource: `arn:aws:iam::${ACCOUNT}:policy/eks-node-ssm-logs`,
        },
      ],
    });
    const [node, fargate] = evalOne('eks-node-role-least-privilege', pp);
    expect(node?.status).toBe('unknown');
    expect(node?.message).toContain('iam:GetPolicyVersion failed with AccessDenied');
    expect(fargate?.status).toBe('pass');
    expect(statuses('eks-cluster-role-least-privilege', pp)).toEqual(['pass']);
    expect(statuses('eks-cni-policy-on-node-role', pp)).toEqual(['pass']);
  });

  it('a denied ListDetectors fails only the detector part; the GuardDuty checks name the call', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'guardduty:ListDetectors' });
    const { byName } = await collectSample(sb);
    const pp = snap(byName, 'prod-payments');
    expect(pp.parts.guardDutyDetectors).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'guardduty:ListDetectors', code: 'AccessDeniedException' }],
    });
    for (const id of ['eks-guardduty-runtime', 'eks-guardduty-audit-logs']) {
      const [outcome] = evalOne(id, pp);
      expect(outcome?.status, id).toBe('unknown');
      expect(outcome?.message).toContain('guardduty:ListDetectors failed with AccessDenied');
    }
    expect(pp.parts.iamRoles.state).toBe('collected');
    expect(statuses('eks-node-role-least-privilege', pp)).toEqual(['pass', 'pass']);
  });

  it('a denied GetRole fails that role only; a denied ListFargateProfiles leaves the node roles decided', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'eks:ListFargateProfiles' });
    const { byName } = await collectSample(sb);
    const pp = snap(byName, 'prod-payments');
    expect(pp.parts.fargateProfiles).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'eks:ListFargateProfiles' }],
    });
    const outcomes = evalOne('eks-node-role-least-privilege', pp);
    expect(outcomes.map((o) => o.status)).toEqual(['pass', 'unknown']);
    expect(outcomes[1]?.message).toMatch(/eks:ListFargateProfiles \(prod-payments\) failed/);

    sb.faults.add({ kind: 'access-denied', operation: 'iam:GetRole' });
    const denied = snap((await collectSample(sb)).byName, 'prod-payments');
    expect(denied.parts.iamRoles).toMatchObject({
      state: 'failed',
      errors: [
        { operation: 'iam:GetRole', resource: `arn:aws:iam::${ACCOUNT}:role/eks-cluster-role` },
        {},
      ],
    });
    const [cluster] = evalOne('eks-cluster-role-least-privilege', denied);
    expect(cluster?.status).toBe('unknown');
    expect(cluster?.message).toContain('iam:GetRole');
  });
});
