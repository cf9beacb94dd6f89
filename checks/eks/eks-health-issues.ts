import type { EksCheck, Outcome } from '../../core/check';
import { ev, fail, partProblem, pass, unknown } from '../../core/outcome';
import { NODEGROUPS_PATH, nodegroupSubject } from './lib/nodegroups';

const CLUSTER_PATH = 'cluster.health.issues';

interface Issue {
  code?: string | undefined;
  message?: string | undefined;
}

function describeIssues(issues: readonly Issue[]): string {
  return issues.map((i) => `${i.code ?? 'unknown code'}: ${i.message ?? 'no message'}`).join('; ');
}

export const eksHealthIssues: EksCheck = {
  meta: {
    id: 'eks-health-issues',
    provider: 'eks',
    title: 'EKS cluster and its managed node groups report no health issues',
    severity: 'low',
    family: 'health-issues',
    categories: ['lifecycle'],
    risk: 'A health issue (deleted cluster role or security group, revoked KMS grant, missing subnet) means EKS can no longer manage the cluster or node group as configured: upgrades, scaling and secrets decryption may fail.',
    remediation: {
      summary:
        'Fix the resource each issue names (restore the IAM role, security group, subnet or KMS key access), then confirm the issue is gone.',
      cli: 'aws eks describe-cluster --name <cluster> --query cluster.health; aws eks describe-nodegroup --cluster-name <cluster> --nodegroup-name <nodegroup> --query nodegroup.health',
      iac: 'Restore the deleted or changed resource in the stack that owns it.',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/troubleshooting.html',
    },
    frameworks: {},
    reads: ['eks:DescribeCluster', 'eks:DescribeNodegroup'],
  },
  evaluate({ cluster, ref, parts }) {
    const outcomes: Outcome[] = [];
    const issues = cluster.health?.issues;
    const clusterEvidence = [ev(CLUSTER_PATH, issues)];
    if (issues === undefined) {
      // DescribeCluster returns health (with an empty issues list) for every current cluster.
      outcomes.push(
        unknown(
          `Cluster ${ref.name}: ${CLUSTER_PATH} is missing from the input, so its health cannot be decided.`,
          clusterEvidence,
        ),
      );
    } else if (issues.length > 0) {
      outcomes.push(
        fail(
          `Cluster ${ref.name} reports ${issues.length} health issue(s): ${describeIssues(issues)}.`,
          clusterEvidence,
        ),
      );
    } else {
      outcomes.push(pass(`Cluster ${ref.name} reports no health issues.`, clusterEvidence));
    }
    const part = parts.nodegroups;
    if (part.state === 'failed') {
      // A separate subject so that it does not collide with the cluster's own result.
      outcomes.push(
        unknown(
          `${partProblem(part, `Node groups of cluster ${ref.name}`)}.`,
          [ev('parts.nodegroups', null)],
          {
            type: 'eks-nodegroups',
            id: `${ref.id}/nodegroups`,
            name: `${ref.name} node groups`,
          },
        ),
      );
      return outcomes;
    }
    // Node groups not in the input (a describe-cluster export): only the cluster is judged.
    if (part.state === 'not_collected') return outcomes;
    part.value.forEach((nodegroup, i) => {
      const subject = nodegroupSubject(nodegroup, `#${i}`);
      const path = `${NODEGROUPS_PATH}[${i}].health.issues`;
      const ngIssues = nodegroup.health?.issues;
      const evidence = [ev(path, ngIssues)];
      if (ngIssues === undefined) {
        outcomes.push(
          unknown(
            `Node group ${subject.name} of cluster ${ref.name}: health.issues is missing from the input.`,
            evidence,
            subject,
          ),
        );
      } else if (ngIssues.length > 0) {
        outcomes.push(
          fail(
            `Node group ${subject.name} of cluster ${ref.name} reports ${ngIssues.length} health issue(s): ${describeIssues(ngIssues)}.`,
            evidence,
            subject,
          ),
        );
      } else {
        outcomes.push(
          pass(
            `Node group ${subject.name} of cluster ${ref.name} reports no health issues.`,
            evidence,
            subject,
          ),
        );
      }
    });
    return outcomes;
  },
};
