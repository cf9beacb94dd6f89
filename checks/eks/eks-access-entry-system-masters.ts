import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';

const ENTRIES = 'parts.accessEntries.value';

export const eksAccessEntrySystemMasters: EksCheck = {
  meta: {
    id: 'eks-access-entry-system-masters',
    provider: 'eks',
    title: 'No EKS access entry maps a principal into system:masters',
    severity: 'high',
    family: 'cluster-admin-access',
    categories: ['iam'],
    risk: 'Members of system:masters bypass RBAC entirely: the grant cannot be narrowed or revoked by any Role or binding inside the cluster.',
    remediation: {
      summary:
        'Remove system:masters from the access entry; grant an access policy (AmazonEKSClusterAdminPolicy) or a bound group instead.',
      cli: 'aws eks update-access-entry --cluster-name <cluster> --principal-arn <principal-arn> --kubernetes-groups <groups-without-system-masters>',
      iac: 'Terraform aws_eks_access_entry: kubernetes_groups without "system:masters"; CDK: AccessEntry accessPolicies instead of groups',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/creating-access-entries.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['4.1.1'] },
    reads: ['eks:ListAccessEntries', 'eks:DescribeAccessEntry'],
  },
  evaluate({ cluster, ref, parts }) {
    if (cluster.accessConfig?.authenticationMode === 'CONFIG_MAP') {
      return notApplicable(
        `Cluster ${ref.name} uses authentication mode CONFIG_MAP: it has no access entries (system:masters mappings in aws-auth are in-cluster and not visible here).`,
        [ev('cluster.accessConfig.authenticationMode', 'CONFIG_MAP')],
      );
    }
    const read = readPart(parts.accessEntries, `Access entries of cluster ${ref.name}`, ENTRIES);
    if (!read.ok) return read.outcome;
    const evidence: Evidence[] = [];
    const principals: string[] = [];
    read.value.forEach(({ entry }, i) => {
      if ((entry.kubernetesGroups ?? []).includes('system:masters')) {
        evidence.push(ev(`${ENTRIES}[${i}].entry.principalArn`, entry.principalArn));
        evidence.push(ev(`${ENTRIES}[${i}].entry.kubernetesGroups`, entry.kubernetesGroups));
        principals.push(entry.principalArn ?? `entry #${i}`);
      }
    });
    if (principals.length > 0) {
      return fail(
        `Cluster ${ref.name} maps ${principals.join(', ')} into system:masters.`,
        evidence,
      );
    }
    const groups = [
      ev(
        `${ENTRIES}[].entry.kubernetesGroups`,
        read.value.map((e) => e.entry.kubernetesGroups ?? []),
      ),
    ];
    if (read.incomplete) {
      return unknown(
        `Cluster ${ref.name}: no access entry read maps into system:masters, but ${read.incomplete}.`,
        groups,
      );
    }
    return pass(`No access entry of cluster ${ref.name} maps into system:masters.`, groups);
  },
};
