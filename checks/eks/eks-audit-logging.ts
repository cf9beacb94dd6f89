import type { EksCheck } from '../../core/check';
import { fail, pass, unknown } from '../../core/outcome';
import { CLUSTER_LOGGING_PATH, readLogTypes } from './lib/log-types';

export const eksAuditLogging: EksCheck = {
  meta: {
    id: 'eks-audit-logging',
    provider: 'eks',
    title: 'EKS cluster sends Kubernetes audit logs to CloudWatch Logs',
    severity: 'high',
    family: 'audit-logging',
    categories: ['logging', 'control-plane'],
    risk: 'Without the audit log there is no record of who read Secrets, created RoleBindings or exec-ed into pods: an intrusion through the Kubernetes API cannot be detected or investigated.',
    remediation: {
      summary:
        'Enable the `audit` control-plane log type so that EKS ships audit events to CloudWatch Logs.',
      cli: 'aws eks update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["audit"],"enabled":true}]}\'',
      iac: 'CDK: clusterLogging: [eks.ClusterLoggingTypes.AUDIT, ...]; Terraform aws_eks_cluster: enabled_cluster_log_types = ["audit", ...]',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['2.1.1'], 'aws-securityhub': ['EKS.8'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }) {
    const read = readLogTypes(cluster);
    if (!read.ok) {
      return unknown(
        `Cluster ${ref.name}: ${CLUSTER_LOGGING_PATH} is missing from the input (DescribeCluster always returns it), so audit logging cannot be decided.`,
        read.evidence,
      );
    }
    return read.enabled.has('audit')
      ? pass(`Cluster ${ref.name} has the audit log type enabled.`, read.evidence)
      : fail(
          `Cluster ${ref.name} does not have the audit log type enabled in any clusterLogging entry.`,
          read.evidence,
        );
  },
};
