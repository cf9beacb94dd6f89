import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';

const PATH = 'cluster.resourcesVpcConfig.endpointPrivateAccess';

export const eksEndpointPrivateAccess: EksCheck = {
  meta: {
    id: 'eks-endpoint-private-access',
    provider: 'eks',
    title: 'EKS cluster API server has its private endpoint enabled',
    severity: 'medium',
    family: 'api-endpoint-private-access',
    categories: ['network', 'control-plane'],
    risk: 'Without the private endpoint, kubelets and pods reach the API server through its public endpoint: node traffic leaves the VPC, and the public endpoint cannot be turned off or narrowed to admin CIDRs without cutting the nodes off.',
    remediation: {
      summary:
        'Turn on the private endpoint so that traffic from inside the VPC stays inside it; then narrow or turn off the public endpoint.',
      cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPrivateAccess=true',
      iac: 'CDK: endpointAccess: eks.EndpointAccess.PUBLIC_AND_PRIVATE (or PRIVATE); Terraform aws_eks_cluster: vpc_config { endpoint_private_access = true }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.2'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.resourcesVpcConfig?.endpointPrivateAccess;
    const evidence = [ev(PATH, value)];
    // DescribeCluster always returns this field (create-cluster examples from 2019 on carry it);
    // its absence means an incomplete or very old export.
    if (value === undefined) {
      return unknown(
        `Cluster ${ref.name}: ${PATH} is missing from the input, so private endpoint access cannot be decided.`,
        evidence,
      );
    }
    return value
      ? pass(
          `Cluster ${ref.name} has its private API server endpoint enabled (endpointPrivateAccess=true).`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} has its private API server endpoint disabled (endpointPrivateAccess=false): in-VPC traffic to the API server goes through the public endpoint.`,
          evidence,
        );
  },
};
