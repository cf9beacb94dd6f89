import type { EksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';

export const eksDefaultVpc: EksCheck = {
  meta: {
    id: 'eks-default-vpc',
    provider: 'eks',
    title: 'EKS cluster does not run in the account default VPC',
    severity: 'low',
    family: 'default-network',
    categories: ['network'],
    risk: 'The default VPC has only public subnets that assign public IPs, and other workloads of the account land there by default: the cluster shares a flat, internet-facing network.',
    remediation: {
      summary:
        'Create the cluster in a dedicated VPC with private subnets for nodes (the VPC cannot be changed on an existing cluster).',
      cli: 'aws eks create-cluster --name <cluster> --resources-vpc-config subnetIds=<private-subnet-ids> ...',
      iac: 'CDK: new eks.Cluster(this, "C", { vpc: new ec2.Vpc(this, "Vpc"), ... }); Terraform aws_eks_cluster: vpc_config { subnet_ids = module.vpc.private_subnets }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html',
    },
    frameworks: {},
    reads: ['eks:DescribeCluster', 'ec2:DescribeVpcs'],
  },
  evaluate({ cluster, ref, parts }) {
    const read = readPart(parts.vpc, `VPC of cluster ${ref.name}`, 'parts.vpc.value');
    if (!read.ok) return read.outcome;
    const evidence = [
      ev('cluster.resourcesVpcConfig.vpcId', cluster.resourcesVpcConfig?.vpcId),
      ev('parts.vpc.value.IsDefault', read.value.IsDefault),
    ];
    // DescribeVpcs always returns IsDefault; without it the input is incomplete.
    if (read.value.IsDefault === undefined) {
      return unknown(`Cluster ${ref.name}: the VPC object has no IsDefault field.`, evidence);
    }
    return read.value.IsDefault
      ? fail(`Cluster ${ref.name} runs in the default VPC ${read.value.VpcId}.`, evidence)
      : pass(
          `Cluster ${ref.name} runs in VPC ${read.value.VpcId}, which is not the account default.`,
          evidence,
        );
  },
};
