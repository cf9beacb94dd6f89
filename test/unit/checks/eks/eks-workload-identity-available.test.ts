import { describe, expect, it } from 'vitest';
import { eksWorkloadIdentityAvailable as check } from '../../../../checks/eks/eks-workload-identity-available';
import { collected } from '../../../../core/snapshot';
import {
  describeAddonExample,
  describeClusterExample,
  eksSnapshot,
  evaluateOne,
} from '../../../builders/eks';
import { fixture } from '../../../fixture';

const ISSUER_ARN =
  'arn:aws:iam::111122223333:oidc-provider/oidc.eks.us-east-2.amazonaws.com/id/JSA79429HJDASKJDJ8223829MNDNASW';
/** The docs' ListOpenIDConnectProviders entry (another provider of the account). */
const docsProvider = () =>
  fixture<{ OpenIDConnectProviderList: { Arn: string }[] }>(
    'aws/iam/list-open-id-connect-providers.json',
  ).OpenIDConnectProviderList.map((p) => p.Arn);

function snapshot(providers?: string[], addonNames?: string[]) {
  return eksSnapshot(describeClusterExample(), {
    ...(providers
      ? { oidcProviderArns: collected(providers, ['iam:ListOpenIDConnectProviders']) }
      : {}),
    ...(addonNames
      ? {
          addons: collected(
            addonNames.map((addonName) => ({ ...describeAddonExample(), addonName })),
            ['eks:ListAddons', 'eks:DescribeAddon'],
          ),
        }
      : {}),
  });
}

describe('eks-workload-identity-available', () => {
  it('passes when the cluster issuer is an IAM OIDC provider (IRSA)', () => {
    const result = evaluateOne(check, snapshot([...docsProvider(), ISSUER_ARN]));
    expect(result.status).toBe('pass');
    expect(result.evidence).toContainEqual({
      path: 'parts.oidcProviderArns.value[1]',
      value: ISSUER_ARN,
    });
  });

  it('passes with the Pod Identity agent add-on', () => {
    expect(
      evaluateOne(check, snapshot(docsProvider(), ['vpc-cni', 'eks-pod-identity-agent'])).status,
    ).toBe('pass');
  });

  it('fails with neither', () => {
    const result = evaluateOne(check, snapshot(docsProvider(), ['vpc-cni']));
    expect(result.status).toBe('fail');
    expect(result.message).toContain('neither');
  });

  it('is unknown when one source is missing and the other shows nothing', () => {
    expect(evaluateOne(check, snapshot(docsProvider())).message).toContain('eks:ListAddons');
    expect(evaluateOne(check, snapshot()).status).toBe('unknown');
  });
});
