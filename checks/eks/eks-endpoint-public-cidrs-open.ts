import type { EksCheck, Evidence } from '../../core/check';
import { type Cidr, isOpenCidr, parseCidr } from '../../core/cidr';
import { ev, fail, notApplicable, pass, unknown } from '../../core/outcome';

const PUBLIC = 'cluster.resourcesVpcConfig.endpointPublicAccess';
const CIDRS = 'cluster.resourcesVpcConfig.publicAccessCidrs';

export const eksEndpointPublicCidrsOpen: EksCheck = {
  meta: {
    id: 'eks-endpoint-public-cidrs-open',
    provider: 'eks',
    title: 'EKS public API server endpoint is restricted to known CIDR blocks',
    severity: 'high',
    family: 'api-endpoint-authorized-networks',
    categories: ['network', 'control-plane'],
    risk: 'A public endpoint open to 0.0.0.0/0 (or to a huge block such as 0.0.0.0/1) lets anyone on the internet reach the Kubernetes API server, probe it and try stolen credentials.',
    remediation: {
      summary:
        'List only the egress CIDR blocks of your offices, VPN and CI in publicAccessCidrs, or turn the public endpoint off.',
      cli: 'aws eks update-cluster-config --name <cluster> --resources-vpc-config endpointPublicAccess=true,publicAccessCidrs="203.0.113.0/24"',
      iac: 'CDK: endpointAccess: eks.EndpointAccess.PUBLIC_AND_PRIVATE.onlyFrom("203.0.113.0/24"); Terraform aws_eks_cluster: vpc_config { public_access_cidrs = ["203.0.113.0/24"] }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['5.4.1'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }, { config }) {
    const vpc = cluster.resourcesVpcConfig;
    const isPublic = vpc?.endpointPublicAccess;
    const cidrs = vpc?.publicAccessCidrs;
    const evidence: Evidence[] = [ev(PUBLIC, isPublic), ev(CIDRS, cidrs)];
    // DescribeCluster always returns endpointPublicAccess; its absence means an incomplete export.
    if (isPublic === undefined) {
      return unknown(
        `Cluster ${ref.name}: ${PUBLIC} is missing from the input, so public endpoint exposure cannot be decided.`,
        evidence,
      );
    }
    if (!isPublic) {
      return notApplicable(
        `Cluster ${ref.name} has no public API server endpoint (endpointPublicAccess=false).`,
        evidence,
      );
    }
    // API VpcConfigRequest.publicAccessCidrs: "The default value is 0.0.0.0/0" (and ::/0 for
    // dual-stack IPv6 clusters), so a public endpoint without a list is open to everyone.
    if (cidrs === undefined || cidrs.length === 0) {
      return fail(
        `Cluster ${ref.name} has a public API server endpoint with no publicAccessCidrs, which EKS treats as 0.0.0.0/0 (open to the internet).`,
        evidence,
      );
    }
    const minPrefix = config.eks.openCidrMinPrefix;
    const open: Cidr[] = [];
    const invalid: string[] = [];
    for (const text of cidrs) {
      const parsed = parseCidr(text);
      if ('error' in parsed) invalid.push(parsed.error);
      else if (isOpenCidr(parsed, minPrefix)) open.push(parsed);
    }
    if (open.length > 0) {
      return fail(
        `Cluster ${ref.name} has a public API server endpoint open to ${open.map((c) => c.text).join(', ')} (prefix shorter than /${minPrefix}).`,
        evidence,
      );
    }
    if (invalid.length > 0) {
      return unknown(
        `Cluster ${ref.name}: publicAccessCidrs cannot be fully read: ${invalid.join('; ')}.`,
        evidence,
      );
    }
    return pass(
      `Cluster ${ref.name} restricts its public API server endpoint to ${cidrs.join(', ')} (no prefix shorter than /${minPrefix}).`,
      evidence,
    );
  },
};
