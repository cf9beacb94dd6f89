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

describe('AWS collector: IAM, Logs, KMS, ECR and ELBv2 parts against the sandbox', () => {
  it('collects every part the EKS checks read for one cluster', async () => {
    const { result, byName } = await collectSample(sb);
    expect(result.errors).toEqual([]);
    const s = snap(byName, 'prod-payments');
    for (const [name, part] of Object.entries(s.parts)) {
      expect(part.state, name).toBe('collected');
      if (part.state === 'collected') expect(part.errors, name).toBeUndefined();
    }
    const { parts } = s;
    expect(parts.controlPlaneLogGroup).toMatchObject({
      value: [{ logGroupName: '/aws/eks/prod-payments/cluster', retentionInDays: 365 }],
    });
    expect(parts.secretsKey).toMatchObject({
      value: { metadata: { KeyManager: 'CUSTOMER' }, rotationEnabled: true },
    });
    if (parts.secretsKey?.state !== 'collected') throw new Error('key');
    expect(JSON.parse(parts.secretsKey.value.policy ?? '')).toMatchObject({ Id: 'key-default-1' });
    // The trust policy arrives URL-encoded and is decoded; only roles trusting this issuer.
    if (parts.irsaRoles?.state !== 'collected') throw new Error('irsa');
    expect(parts.irsaRoles.value.map((r) => r.RoleName)).toEqual(['payments-ledger-irsa']);
    expect(JSON.parse(parts.irsaRoles.value[0]?.AssumeRolePolicyDocument ?? '')).toMatchObject({
      Version: '2012-10-17',
    });
    expect(
      parts.oidcProviderArns?.state === 'collected' && parts.oidcProviderArns.value,
    ).toHaveLength(2);
    expect(parts.ecrScanningConfiguration).toMatchObject({
      value: { scanningConfiguration: { scanType: 'ENHANCED' } },
    });
    expect(parts.ecrRepositoryPolicies).toMatchObject({
      value: [{ repositoryName: 'payments/api' }, { repositoryName: 'web/frontend' }],
    });
    if (parts.ecrRepositoryPolicies?.state !== 'collected') throw new Error('policies');
    expect(parts.ecrRepositoryPolicies.value[1]?.policyText).toBeUndefined();
    expect(parts.loadBalancers).toMatchObject({
      value: [
        {
          loadBalancer: { LoadBalancerName: 'k8s-payments-api' },
          listeners: [{ Protocol: 'HTTPS' }],
        },
      ],
    });
    const statuses = (id: string, name: string) =>
      evalOne(id, snap(byName, name)).map((o) => o.status);
    expect(statuses('eks-log-group-retention', 'prod-payments')).toEqual(['pass']);
    expect(statuses('eks-log-group-retention', 'prod-web')).toContain('fail');
    expect(statuses('eks-secrets-kms-key-quality', 'prod-payments')).toEqual(['pass']);
    expect(statuses('eks-lb-tls', 'prod-web')).toContain('fail');
    expect(statuses('eks-lb-tls', 'prod-payments')).not.toContain('unknown');
  });

  it('a denied KMS call fails the key part only, naming the call', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'kms:DescribeKey' });
    const { byName } = await collectSample(sb);
    const s = snap(byName, 'prod-payments');
    expect(s.parts.secretsKey).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'kms:DescribeKey' }],
    });
    expect(s.parts.controlPlaneLogGroup?.state).toBe('collected');
    const [outcome] = evalOne('eks-secrets-kms-key-quality', s);
    expect(outcome?.status).toBe('unknown');
    expect(outcome?.message).toContain('kms:DescribeKey');
  });

  it('fetches account- and region-wide objects once per target', async () => {
    await collectSample(sb);
    const t = `${ACCOUNT}/us-east-2`;
    expect(sb.counters.get('iam:ListOpenIDConnectProviders', ACCOUNT)).toBe(1);
    expect(sb.counters.get('iam:ListRoles', ACCOUNT)).toBe(1);
    expect(sb.counters.get('ecr:GetRegistryScanningConfiguration', t)).toBe(1);
    expect(sb.counters.get('ecr:DescribeRepositories', t)).toBe(1);
    expect(sb.counters.get('ecr:GetRepositoryPolicy', t)).toBe(2);
    expect(sb.counters.get('elasticloadbalancing:DescribeLoadBalancers', t)).toBe(1);
    expect(sb.counters.get('elasticloadbalancing:DescribeTags', t)).toBe(1);
    expect(sb.counters.get('elasticloadbalancing:DescribeListeners', t)).toBe(2);
    // One listing of the Region's /aws/eks/ groups serves both clusters.
    expect(sb.counters.get('logs:DescribeLogGroups', t)).toBe(1);
    expect(sb.counters.get('kms:DescribeKey', t)).toBe(1);
    expect(sb.state.unmatched).toEqual([]);
  });
});
