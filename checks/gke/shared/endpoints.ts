import type { Evidence } from '../../../core/check';
import type { MasterAuthorizedNetworksConfig } from '../../../core/gcp-api/container-v1';
import { ev } from '../../../core/outcome';
import type { GkeCluster } from '../../../core/snapshot-gke';

/**
 * Whether the control plane has a public IP endpoint, read from both endpoint APIs.
 * `controlPlaneEndpointsConfig.ipEndpointsConfig` is the current API and wins when present
 * (GKE documents `privateClusterConfig.enablePrivateEndpoint` as deprecated in its favour).
 * Proto3 JSON omits false, so inside a present message an absent flag is false.
 */
export function publicIpEndpoint(cluster: GkeCluster): {
  ipEndpoints: boolean;
  publicIp: boolean;
  source: 'controlPlaneEndpointsConfig' | 'privateClusterConfig' | 'none';
  evidence: Evidence[];
} {
  const ip = cluster.controlPlaneEndpointsConfig?.ipEndpointsConfig;
  if (ip) {
    const base = 'cluster.controlPlaneEndpointsConfig.ipEndpointsConfig';
    const evidence = [
      ev(`${base}.enabled`, ip.enabled),
      ev(`${base}.enablePublicEndpoint`, ip.enablePublicEndpoint),
    ];
    return {
      ipEndpoints: ip.enabled === true,
      publicIp: ip.enabled === true && ip.enablePublicEndpoint === true,
      source: 'controlPlaneEndpointsConfig',
      evidence,
    };
  }
  const pcc = cluster.privateClusterConfig;
  const evidence = [
    ev('cluster.privateClusterConfig.enablePrivateEndpoint', pcc?.enablePrivateEndpoint),
  ];
  // Legacy API: a cluster with no private endpoint (or no privateClusterConfig) has a public one.
  return {
    ipEndpoints: true,
    publicIp: pcc?.enablePrivateEndpoint !== true,
    source: pcc ? 'privateClusterConfig' : 'none',
    evidence,
  };
}

/** The authorized-networks settings from whichever endpoint API holds them (they are exclusive). */
export function authorizedNetworks(cluster: GkeCluster): {
  config: MasterAuthorizedNetworksConfig | undefined;
  path: string;
} {
  const nested = cluster.controlPlaneEndpointsConfig?.ipEndpointsConfig?.authorizedNetworksConfig;
  if (nested) {
    return {
      config: nested,
      path: 'cluster.controlPlaneEndpointsConfig.ipEndpointsConfig.authorizedNetworksConfig',
    };
  }
  return {
    config: cluster.masterAuthorizedNetworksConfig,
    path: 'cluster.masterAuthorizedNetworksConfig',
  };
}
