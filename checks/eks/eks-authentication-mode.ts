import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.accessConfig.authenticationMode';

export const eksAuthenticationMode: EksCheck = {
  meta: {
    id: 'eks-authentication-mode',
    provider: 'eks',
    title: 'EKS cluster grants access only through EKS access entries (authentication mode API)',
    severity: 'medium',
    family: 'cluster-authentication',
    categories: ['iam', 'control-plane'],
    risk: 'Identities mapped in the aws-auth ConfigMap are invisible to the EKS and IAM APIs, so they cannot be audited from outside the cluster, and anyone who can edit that ConfigMap can grant themselves cluster access.',
    remediation: {
      summary:
        'Migrate the aws-auth ConfigMap mappings to access entries, then switch the authentication mode to API (the change is one-way: CONFIG_MAP → API_AND_CONFIG_MAP → API).',
      cli: 'aws eks update-cluster-config --name <cluster> --access-config authenticationMode=API',
      iac: 'CDK: authenticationMode: eks.AuthenticationMode.API; Terraform aws_eks_cluster: access_config { authentication_mode = "API" }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['4.1.7', '5.5.1'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const mode = cluster.accessConfig?.authenticationMode;
    const evidence = [ev(PATH, mode)];
    switch (mode) {
      case 'API':
        return pass(
          `Cluster ${ref.name} uses authentication mode API: every grant is an EKS access entry.`,
          evidence,
        );
      case 'API_AND_CONFIG_MAP':
        return fail(
          `Cluster ${ref.name} uses authentication mode API_AND_CONFIG_MAP: the aws-auth ConfigMap is still honoured, so grants made there escape the EKS API; migrate them to access entries and switch to API.`,
          evidence,
        );
      case 'CONFIG_MAP':
        return fail(
          `Cluster ${ref.name} uses authentication mode CONFIG_MAP: every grant lives in the aws-auth ConfigMap, invisible to the EKS API and editable by anyone who can write ConfigMaps in kube-system.`,
          evidence,
        );
      case undefined:
        // DescribeCluster always returns accessConfig.authenticationMode today; an export
        // without it predates access entries or is incomplete.
        return unknown(
          `Cluster ${ref.name}: ${PATH} is missing from the input (the current API always returns it), so the authentication mode cannot be decided.`,
          evidence,
        );
      default:
        return unknown(
          `Cluster ${ref.name} reports authentication mode ${String(mode)}, which this check does not know.`,
          evidence,
        );
    }
  },
};
