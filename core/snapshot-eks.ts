import type { LogGroup } from '@aws-sdk/client-cloudwatch-logs';
import type {
  AccessEntry,
  Addon,
  AssociatedAccessPolicy,
  Cluster,
  ClusterVersionInformation,
  IdentityProviderConfigResponse,
  Nodegroup,
} from '@aws-sdk/client-eks';
import type { GetDetectorResponse } from '@aws-sdk/client-guardduty';
import type { KeyMetadata } from '@aws-sdk/client-kms';
import type { Part, SnapshotBase } from './snapshot';
import type { Wire } from './wire';

export type EksCluster = Wire<Cluster>;
export type EksNodegroup = Wire<Nodegroup>;
export type EksClusterVersion = Wire<ClusterVersionInformation>;
export type EksAddon = Wire<Addon>;
export type EksIdentityProviderConfig = Wire<IdentityProviderConfigResponse>;

/** An access entry with the access policies associated with it. */
export interface EksAccessEntry {
  /** DescribeAccessEntry `accessEntry`. */
  entry: Wire<AccessEntry>;
  /** ListAssociatedAccessPolicies `associatedAccessPolicies` of the entry's principal (all pages). */
  associatedAccessPolicies: Wire<AssociatedAccessPolicy>[];
}

/** The GuardDuty detector of the cluster's account and region. */
export interface EksGuardDutyDetector {
  detectorId: string;
  /** GetDetector response, without the SDK's `$metadata`. */
  detector: Wire<GetDetectorResponse>;
}

/** The KMS key that envelope-encrypts the cluster's Secrets. */
export interface EksSecretsKey {
  /** `cluster.encryptionConfig[].provider.keyArn` the key was looked up by. */
  keyArn: string;
  /** kms:DescribeKey `KeyMetadata`. */
  metadata: Wire<KeyMetadata>;
  /** kms:GetKeyRotationStatus `KeyRotationEnabled`; absent when that call was not made. */
  rotationEnabled?: boolean;
  /** kms:GetKeyPolicy (policy name `default`) `Policy`, a JSON document as a string. */
  policy?: string;
}

/** Related objects of an EKS cluster, each collected once per run. */
export interface EksParts {
  /** ListNodegroups + DescribeNodegroup for every managed node group. */
  nodegroups: Part<EksNodegroup[]>;
  /** DescribeClusterVersions of the cluster's region (shared by every cluster there). */
  clusterVersions: Part<EksClusterVersion[]>;
}

/**
 * Parts that checks read but that not every input carries yet: an absent key means the part
 * was not collected. Each moves into `EksParts` once the collector fills it.
 */
export interface EksOptionalParts {
  /** ListAccessEntries → DescribeAccessEntry + ListAssociatedAccessPolicies for each entry. */
  accessEntries: Part<EksAccessEntry[]>;
  /** ListAddons → DescribeAddon for each add-on (with `configurationValues`). */
  addons: Part<EksAddon[]>;
  /**
   * guardduty:ListDetectors → GetDetector in the cluster's account and region (shared by every
   * cluster there). An empty list means GuardDuty has no detector there.
   */
  guardDutyDetectors: Part<EksGuardDutyDetector[]>;
  /**
   * logs:DescribeLogGroups with `logGroupNamePrefix=/aws/eks/<cluster>/cluster`, keeping the
   * exact name only: empty when the control-plane log group does not exist.
   */
  controlPlaneLogGroup: Part<Wire<LogGroup>[]>;
  /** kms:DescribeKey, kms:GetKeyRotationStatus and kms:GetKeyPolicy of the Secrets key. */
  secretsKey: Part<EksSecretsKey>;
  /** ListIdentityProviderConfigs → DescribeIdentityProviderConfig for each config. */
  identityProviderConfigs: Part<EksIdentityProviderConfig[]>;
}

export interface EksSnapshot extends SnapshotBase {
  provider: 'eks';
  /** DescribeCluster `cluster`, as the API returned it. */
  cluster: EksCluster;
  parts: EksParts & Partial<EksOptionalParts>;
}
