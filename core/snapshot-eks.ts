import type { Cluster, ClusterVersionInformation, Nodegroup } from '@aws-sdk/client-eks';
import type { Part, SnapshotBase } from './snapshot';
import type { Wire } from './wire';

export type EksCluster = Wire<Cluster>;
export type EksNodegroup = Wire<Nodegroup>;
export type EksClusterVersion = Wire<ClusterVersionInformation>;

/** Related objects of an EKS cluster, each collected once per run. */
export interface EksParts {
  /** ListNodegroups + DescribeNodegroup for every managed node group. */
  nodegroups: Part<EksNodegroup[]>;
  /** DescribeClusterVersions of the cluster's region (shared by every cluster there). */
  clusterVersions: Part<EksClusterVersion[]>;
}

export interface EksSnapshot extends SnapshotBase {
  provider: 'eks';
  /** DescribeCluster `cluster`, as the API returned it. */
  cluster: EksCluster;
  parts: EksParts;
}
