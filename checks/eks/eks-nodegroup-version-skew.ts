import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { compareMinor } from '../../core/version-calendar';
import { eachNodegroup } from './lib/nodegroups';
import { minorOf } from './lib/version-support';

/** Minor versions between two `1.N` versions of the same major. */
function minorsBehind(controlPlane: string, nodes: string): number {
  const minor = (v: string) => Number(v.split('.')[1]);
  return compareMinor(controlPlane, nodes) > 0 ? minor(controlPlane) - minor(nodes) : 0;
}

export const eksNodegroupVersionSkew: EksCheck = {
  meta: {
    id: 'eks-nodegroup-version-skew',
    provider: 'eks',
    title: 'EKS managed node groups run the control plane Kubernetes version',
    severity: 'medium',
    family: 'node-version-skew',
    categories: ['lifecycle'],
    risk: 'Nodes left behind a control-plane upgrade keep an older kubelet and AMI without the fixes of the newer version, and block the next control-plane upgrade once they are three minor versions behind.',
    remediation: {
      summary:
        'Upgrade each managed node group to the control plane version after every cluster upgrade.',
      cli: 'aws eks update-nodegroup-version --cluster-name <cluster> --nodegroup-name <nodegroup> --kubernetes-version <cluster-version>',
      iac: 'CDK: Nodegroup releaseVersion / follow cluster version; Terraform aws_eks_node_group: version = aws_eks_cluster.this.version',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/update-managed-node-group.html',
    },
    frameworks: {},
    reads: ['eks:DescribeCluster', 'eks:ListNodegroups', 'eks:DescribeNodegroup'],
  },
  evaluate(snapshot, { config }) {
    const { cluster, ref } = snapshot;
    const controlPlane = minorOf(cluster.version);
    const allowed = config.eks.nodegroupMaxMinorSkew;
    return eachNodegroup(snapshot, (nodegroup, path, subject) => {
      const nodes = minorOf(nodegroup.version);
      const evidence = [
        ev('cluster.version', cluster.version),
        ev(`${path}.version`, nodegroup.version),
      ];
      const name = `Node group ${subject.name} of cluster ${ref.name}`;
      if (!controlPlane || !nodes) {
        return unknown(
          `${name}: the control plane version (${cluster.version ?? 'missing'}) or the node group version (${nodegroup.version ?? 'missing'}) cannot be read.`,
          evidence,
          subject,
        );
      }
      const behind = minorsBehind(controlPlane, nodes);
      if (behind > allowed) {
        return fail(
          `${name} runs Kubernetes ${nodes}, ${behind} minor version(s) behind the control plane ${controlPlane} (allowed: ${allowed}).`,
          evidence,
          subject,
        );
      }
      return pass(
        behind === 0
          ? `${name} runs Kubernetes ${nodes}, the control plane version.`
          : `${name} runs Kubernetes ${nodes}, ${behind} minor version(s) behind the control plane ${controlPlane}, within the allowed ${allowed}.`,
        evidence,
        subject,
      );
    });
  },
};
