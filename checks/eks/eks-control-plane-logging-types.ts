import type { EksCheck } from '../../core/check';
import { fail, pass, unknown } from '../../core/outcome';
import { CLUSTER_LOGGING_PATH, readLogTypes } from './lib/log-types';

export const eksControlPlaneLoggingTypes: EksCheck = {
  meta: {
    id: 'eks-control-plane-logging-types',
    provider: 'eks',
    title: 'EKS cluster has every required control-plane log type enabled',
    severity: 'medium',
    family: 'control-plane-logging',
    categories: ['logging', 'control-plane'],
    risk: 'Missing log types leave gaps in the record of the control plane: authenticator logs show which IAM identity became which Kubernetes user, API server and scheduler logs help reconstruct an incident.',
    remediation: {
      summary:
        'Enable all required control-plane log types (by default api, audit, authenticator, controllerManager and scheduler).',
      cli: 'aws eks update-cluster-config --name <cluster> --logging \'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager","scheduler"],"enabled":true}]}\'',
      iac: 'CDK: clusterLogging: [API, AUDIT, AUTHENTICATOR, CONTROLLER_MANAGER, SCHEDULER] (eks.ClusterLoggingTypes); Terraform aws_eks_cluster: enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html',
    },
    frameworks: { 'cis-eks-1.8.0': ['2.1.1'] },
    reads: ['eks:DescribeCluster'],
  },
  evaluate({ cluster, ref }, { config }) {
    const required = config.eks.requiredLogTypes;
    const read = readLogTypes(cluster);
    if (!read.ok) {
      return unknown(
        `Cluster ${ref.name}: ${CLUSTER_LOGGING_PATH} is missing from the input (DescribeCluster always returns it), so its log types cannot be decided.`,
        read.evidence,
      );
    }
    const missing = required.filter((type) => !read.enabled.has(type));
    return missing.length === 0
      ? pass(
          `Cluster ${ref.name} has every required log type enabled (${required.join(', ')}).`,
          read.evidence,
        )
      : fail(
          `Cluster ${ref.name} does not have these required log types enabled: ${missing.join(', ')}.`,
          read.evidence,
        );
  },
};
