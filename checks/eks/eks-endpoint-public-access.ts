import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.resourcesVpcConfig.endpointPublicAccess';

export const eksEndpointPublicAccess: EksCheck = {
  meta: {
    id: 'eks-endpoint-public-access',
    provider: 'eks',
    title: 'EKS cluster API server endpoint is not publicly accessible',
    severity: 'medium',
    family: 'api-endpoint-exposure',
    categories: ['network', 'control-plane'],
    risk: 'A public API server endpoint can be reached from the internet: every credential leak, Kubernetes authentication bug or brute-force attempt is one network hop away from the control plane.',
    remediation: {
      summary:
        'Turn on the private endpoint and turn off the public endpoint; reach the API from inside the VPC (VPN, bastion, Direct Connect).',
      cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=false,endpointPrivateAccess=true',
      iac: 'CDK: endpointAccess: eks.EndpointAccess.PRIVATE; Terraform aws_eks_cluster: vpc_config { endpoint_public_access = false, endpoint_private_access = true }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.2'], 'aws-securityhub': ['EKS.1'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.resourcesVpcConfig?.endpointPublicAccess;
    const evidence = [ev(PATH, value)];
    // DescribeCluster always returns this field; its absence means an incomplete export.
    if (value === undefined) {
      return unknown(
        `Cluster ${ref.name}: ${PATH} is missing from the input, so public endpoint access cannot be decided.`,
        evidence,
      );
    }
    return value
      ? fail(
          `Cluster ${ref.name} has its public API server endpoint enabled (endpointPublicAccess=true).`,
          evidence,
        )
      : pass(
          `Cluster ${ref.name} has its public API server endpoint disabled (endpointPublicAccess=false).`,
          evidence,
        );
  },
};
