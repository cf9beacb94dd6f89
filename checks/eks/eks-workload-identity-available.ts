import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';

export const eksWorkloadIdentityAvailable: EksCheck = {
  meta: {
    id: 'eks-workload-identity-available',
    provider: 'eks',
    title: 'EKS cluster offers workload identity (IRSA OIDC provider or the Pod Identity agent)',
    severity: 'low',
    family: 'workload-identity',
    categories: ['iam'],
    risk: 'Without IRSA or Pod Identity, pods that need AWS access borrow the node role or carry static keys: permissions cannot be scoped per workload.',
    remediation: {
      summary:
        'Install the eks-pod-identity-agent add-on, or register the cluster OIDC issuer as an IAM OIDC provider for IRSA.',
      cli: 'aws eks create-addon --cluster-name <cluster> --addon-name eks-pod-identity-agent  (or: eksctl utils associate-iam-oidc-provider --cluster <cluster> --approve)',
      iac: 'CDK: new eks.CfnAddon(this, "PodIdentity", { addonName: "eks-pod-identity-agent", clusterName }); Terraform aws_iam_openid_connect_provider with url = aws_eks_cluster.this.identity[0].oidc[0].issuer',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.2.1'] },
    reads: ['eks:DescribeCluster', 'iam:ListOpenIDConnectProviders', 'eks:ListAddons'],
  },
  evaluate({ cluster, ref, parts }) {
    const issuerUrl = cluster.identity?.oidc?.issuer;
    const issuer = issuerUrl?.replace(/^https:\/\//, '');
    const evidence: Evidence[] = [ev('cluster.identity.oidc.issuer', issuerUrl)];
    const problems: string[] = [];
    const providers = readPart(
      parts.oidcProviderArns,
      'IAM OIDC providers',
      'parts.oidcProviderArns.value',
    );
    if (providers.ok && issuer) {
      const index = providers.value.findIndex((arn) => arn.endsWith(`:oidc-provider/${issuer}`));
      if (index >= 0) {
        return pass(
          `Cluster ${ref.name}'s OIDC issuer is registered as IAM OIDC provider ${providers.value[index]} (IRSA).`,
          [...evidence, ev(`parts.oidcProviderArns.value[${index}]`, providers.value[index])],
        );
      }
      evidence.push(ev('parts.oidcProviderArns.value', providers.value));
    } else if (!providers.ok) {
      problems.push(providers.outcome.message);
    }
    const addons = readPart(parts.addons, `Add-ons of cluster ${ref.name}`, 'parts.addons.value');
    if (addons.ok) {
      const index = addons.value.findIndex((a) => a.addonName === 'eks-pod-identity-agent');
      if (index >= 0) {
        return pass(
          `Cluster ${ref.name} runs the eks-pod-identity-agent add-on (EKS Pod Identity).`,
          [...evidence, ev(`parts.addons.value[${index}].addonName`, 'eks-pod-identity-agent')],
        );
      }
      evidence.push(
        ev(
          'parts.addons.value[].addonName',
          addons.value.map((a) => a.addonName),
        ),
      );
    } else {
      problems.push(addons.outcome.message);
    }
    if (problems.length > 0) {
      return unknown(
        `Cluster ${ref.name}: no workload identity found so far, but ${problems.join(' ')}`,
        evidence,
      );
    }
    return fail(
      `Cluster ${ref.name} has neither an IAM OIDC provider for its issuer nor the eks-pod-identity-agent add-on: pods cannot get their own IAM roles.`,
      evidence,
    );
  },
};
