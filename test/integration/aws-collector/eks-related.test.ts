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

describe('AWS collector: EKS related parts against the sandbox', () => {
  it('collects access entries, add-ons, identity provider configs and the add-on catalog', async () => {
    const { result, byName } = await collectSample(sb);
    expect(result.errors).toEqual([]);
    const parts = byName.get('prod-payments')?.parts;
    expect(parts?.accessEntries).toMatchObject({ state: 'collected' });
    if (parts?.accessEntries?.state !== 'collected') throw new Error('not collected');
    expect(parts.accessEntries.value.map((e) => e.entry.principalArn)).toEqual([
      `arn:aws:iam::${ACCOUNT}:role/prod-payments-node-role`,
      `arn:aws:iam::${ACCOUNT}:role/payments-deployer`,
      `arn:aws:iam::${ACCOUNT}:role/platform-readonly`,
    ]);
    expect(parts.accessEntries.value[1]?.associatedAccessPolicies[0]?.policyArn).toBe(
      'arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy',
    );
    expect(parts.accessEntries.value[1]?.entry.createdAt).toBe('2024-04-08T15:42:10.555Z');
    if (parts.addons?.state !== 'collected') throw new Error('addons not collected');
    expect(parts.addons.value.find((a) => a.addonName === 'vpc-cni')?.configurationValues).toBe(
      '{"enableNetworkPolicy":"true"}',
    );
    if (parts.identityProviderConfigs?.state !== 'collected') throw new Error('idp');
    expect(parts.identityProviderConfigs.value[0]?.oidc?.tags).toEqual({ owner: 'platform' });
    if (parts.addonVersions?.state !== 'collected') throw new Error('catalog');
    const coredns = parts.addonVersions.value.find((a) => a.addonName === 'coredns');
    // Filtered by the cluster's Kubernetes version (1.33) on the service side.
    expect(coredns?.addonVersions?.map((v) => v.addonVersion)).toEqual(['v1.12.1-eksbuild.2']);

    expect(evalOne('eks-network-policy-enforced', snap(byName, 'prod-payments'))[0]?.status).toBe(
      'pass',
    );
    expect(evalOne('eks-addon-versions', snap(byName, 'prod-web')).map((o) => o.status)).toContain(
      'fail',
    );
    expect(evalOne('eks-idp-config-tagged', snap(byName, 'prod-web'))[0]?.status).toBe('fail');
  });

  it('a denied call fails only its part; the checks that need it are unknown naming the call', async () => {
    sb.faults.add({ kind: 'access-denied', operation: 'eks:ListAddons' });
    const { result, byName } = await collectSample(sb);
    expect(result.errors).toEqual([]);
    const parts = byName.get('prod-payments')?.parts;
    expect(parts?.addons).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'eks:ListAddons', code: 'AccessDeniedException' }],
    });
    expect(parts?.accessEntries?.state).toBe('collected');
    expect(parts?.nodegroups.state).toBe('collected');
    const [outcome] = evalOne('eks-network-policy-enforced', snap(byName, 'prod-payments'));
    expect(outcome?.status).toBe('unknown');
    expect(outcome?.message).toContain('eks:ListAddons');
    expect(
      evalOne('eks-access-entry-system-masters', snap(byName, 'prod-payments'))[0]?.status,
    ).toBe('pass');
  });

  it('fetches each object once: the add-on catalog once per Kubernetes version and region', async () => {
    await collectSample(sb);
    const target = `${ACCOUNT}/us-east-2`;
    // prod-payments (1.33) and prod-web (1.31): two versions, one call each.
    expect(sb.counters.get('eks:DescribeAddonVersions', target)).toBe(2);
    expect(sb.counters.get('eks:ListAddons', target)).toBe(2);
    expect(sb.counters.get('eks:DescribeAddon', target)).toBe(8);
    expect(sb.counters.get('eks:DescribeAccessEntry', target)).toBe(3);
    expect(sb.counters.get('eks:ListAssociatedAccessPolicies', target)).toBe(3);
    expect(sb.state.unmatched).toEqual([]);
  });
});
