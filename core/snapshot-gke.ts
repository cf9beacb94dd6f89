import type {
  Policy as GcpIamPolicy,
  Project as GcpProject,
} from './gcp-api/cloudresourcemanager-v1';
import type { ComputeDisk, ComputeFirewall, ComputeSubnetwork } from './gcp-api/compute-v1';
import type {
  Cluster,
  ClusterUpgradeInfo,
  NodeConfig,
  NodePool,
  ServerConfig,
} from './gcp-api/container-v1';
import type { ServiceUsageService } from './gcp-api/serviceusage-v1';
import type { Part, SnapshotBase } from './snapshot';

/**
 * GKE v1 `Cluster` REST JSON, typed from the container v1 discovery document. Proto3 JSON omits
 * fields that hold their default value: an absent boolean inside a present message is `false`
 * (`legacyAbac: {}` is disabled), an absent enum is its `*_UNSPECIFIED` value, an absent list
 * is empty. The node pools are inside the Cluster (`nodePools[]`).
 */
export type GkeCluster = Cluster;
export type GkeNodePool = NodePool;
export type GkeNodeConfig = NodeConfig;
export type GkeServerConfig = ServerConfig;
export type GkeUpgradeInfo = ClusterUpgradeInfo;
export type {
  ComputeDisk,
  ComputeFirewall,
  ComputeSubnetwork,
  GcpIamPolicy,
  GcpProject,
  ServiceUsageService,
};

/**
 * Related objects of a GKE cluster. Project-level parts are fetched once per project and shared
 * by the project's clusters; each part records its own failure, so a denied call makes only the
 * checks that need it `unknown`.
 */
export interface GkeParts {
  /** cloudresourcemanager `projects.get` of the cluster's project (for `projectNumber`). */
  project: Part<GcpProject>;
  /** cloudresourcemanager `projects.getIamPolicy` of the cluster's project. */
  iamPolicy: Part<GcpIamPolicy>;
  /** container `projects.locations.getServerConfig` of the cluster's location. */
  serverConfig: Part<GkeServerConfig>;
  /** container `projects.locations.clusters.fetchClusterUpgradeInfo` (end-of-support dates). */
  upgradeInfo: Part<GkeUpgradeInfo>;
  /** compute `firewalls.list` of the project that owns the cluster's VPC (every rule). */
  firewalls: Part<ComputeFirewall[]>;
  /** compute `subnetworks.get` of the cluster's node subnetwork. */
  subnetwork: Part<ComputeSubnetwork>;
  /** serviceusage `services.get` of the image-scanning APIs, in the cluster's project. */
  services: Part<ServiceUsageService[]>;
  /** compute `disks.aggregatedList` of disks labelled `goog-k8s-cluster-name=<cluster>`. */
  disks: Part<ComputeDisk[]>;
}

export type GkePartName = keyof GkeParts;

export interface GkeSnapshot extends SnapshotBase {
  provider: 'gke';
  /** `clusters.get` / `clusters.list` item, as the API returned it. */
  cluster: GkeCluster;
  parts: GkeParts;
}
