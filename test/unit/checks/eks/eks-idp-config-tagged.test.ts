import { describe, expect, it } from 'vitest';
import { eksIdpConfigTagged as check } from '../../../../checks/eks/eks-idp-config-tagged';
import { collected } from '../../../../core/snapshot';
import type { EksIdentityProviderConfig } from '../../../../core/snapshot-eks';
import { describeClusterExample, eksSnapshot, evaluate } from '../../../builders/eks';
import { fixture } from '../../../fixture';

const example = () =>
  fixture<{ identityProviderConfig: EksIdentityProviderConfig }>(
    'aws/eks/describe-identity-provider-config.json',
  ).identityProviderConfig;

const withConfigs = (configs: EksIdentityProviderConfig[]) =>
  eksSnapshot(describeClusterExample(), {
    identityProviderConfigs: collected(configs, [
      'eks:ListIdentityProviderConfigs',
      'eks:DescribeIdentityProviderConfig',
    ]),
  });

describe('eks-idp-config-tagged', () => {
  it('passes the docs configuration, tagged env=dev, as its own subject', () => {
    const [result] = evaluate(check, withConfigs([example()]));
    expect(result?.status).toBe('pass');
    expect(result?.subject?.name).toBe('my-identity-provider');
    expect(result?.evidence).toEqual([
      { path: 'parts.identityProviderConfigs.value[0].oidc.tags', value: { env: 'dev' } },
    ]);
  });

  it('fails an untagged configuration', () => {
    const config = example();
    if (config.oidc) config.oidc.tags = {};
    expect(evaluate(check, withConfigs([example(), config])).map((r) => r.status)).toEqual([
      'pass',
      'fail',
    ]);
  });

  it('is not applicable without identity provider configurations', () => {
    expect(evaluate(check, withConfigs([]))[0]?.status).toBe('not_applicable');
  });

  it('is unknown when they were not collected', () => {
    expect(evaluate(check, eksSnapshot())[0]?.status).toBe('unknown');
  });
});
