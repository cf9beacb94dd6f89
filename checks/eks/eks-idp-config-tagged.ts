import type { EksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart } from '../../core/outcome';

const CONFIGS = 'parts.identityProviderConfigs.value';

export const eksIdpConfigTagged: EksCheck = {
  meta: {
    id: 'eks-idp-config-tagged',
    provider: 'eks',
    title: 'EKS OIDC identity provider configurations carry tags',
    severity: 'low',
    family: 'tagging',
    categories: ['lifecycle', 'iam'],
    risk: 'An untagged identity provider configuration has no recorded owner: nobody is accountable for the external IdP that can authenticate users into the cluster.',
    remediation: {
      summary: 'Tag each identity provider configuration with its owner and purpose.',
      cli: 'aws eks tag-resource --resource-arn <identity-provider-config-arn> --tags owner=<team>',
      iac: 'Terraform aws_eks_identity_provider_config: tags = { owner = "<team>" }; CDK (L1): CfnIdentityProviderConfig tags',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/authenticate-oidc-identity-provider.html',
    },
    frameworks: { 'aws-securityhub': ['EKS.7'] },
    reads: ['eks:ListIdentityProviderConfigs', 'eks:DescribeIdentityProviderConfig'],
  },
  evaluate({ ref, parts }) {
    const read = readPart(
      parts.identityProviderConfigs,
      `Identity provider configurations of cluster ${ref.name}`,
      CONFIGS,
    );
    if (!read.ok) return read.outcome;
    if (read.value.length === 0) {
      return notApplicable(`Cluster ${ref.name} has no OIDC identity provider configuration.`, [
        ev(CONFIGS, read.value),
      ]);
    }
    return read.value.map((config, i) => {
      const oidc = config.oidc;
      const name = oidc?.identityProviderConfigName ?? `#${i}`;
      const subject = {
        type: 'eks-identity-provider-config',
        id: oidc?.identityProviderConfigArn ?? name,
        name,
      };
      const tags = oidc?.tags ?? {};
      const evidence = [ev(`${CONFIGS}[${i}].oidc.tags`, oidc?.tags)];
      const keys = Object.keys(tags).filter((k) => !k.toLowerCase().startsWith('aws:'));
      return keys.length > 0
        ? pass(
            `Identity provider configuration ${name} of cluster ${ref.name} carries tags (${keys.join(', ')}).`,
            evidence,
            subject,
          )
        : fail(
            `Identity provider configuration ${name} of cluster ${ref.name} has no tags.`,
            evidence,
            subject,
          );
    });
  },
};
