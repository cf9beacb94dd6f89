import type { ResourceRef } from '../../core/snapshot';
import type { EksCluster } from '../../core/snapshot-eks';

/** `arn:aws:eks:us-east-2:111122223333:cluster/my-eks-cluster` → account and region. */
const CLUSTER_ARN = /^arn:aws[a-z-]*:eks:([a-z0-9-]+):(\d{12}):cluster\/(.+)$/;

/**
 * The resource reference of an EKS cluster. The ARN is authoritative; `fallback` fills what an
 * input without an ARN cannot say (the account and region a collector was working in).
 */
export function eksRef(
  cluster: EksCluster,
  fallback: { account?: string; region?: string } = {},
): ResourceRef {
  const name = cluster.name ?? 'unnamed';
  const match = cluster.arn ? CLUSTER_ARN.exec(cluster.arn) : null;
  const region = match?.[1] ?? fallback.region ?? 'unknown';
  const account = match?.[2] ?? fallback.account ?? 'unknown';
  return {
    id: cluster.arn ?? `arn:aws:eks:${region}:${account}:cluster/${name}`,
    name,
    account,
    region,
  };
}
