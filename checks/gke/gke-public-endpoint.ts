import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';
import { publicIpEndpoint } from './shared/endpoints';

export const gkePublicEndpoint: GkeCheck = {
  meta: {
    id: 'gke-public-endpoint',
    provider: 'gke',
    title: 'GKE control plane has no public IP endpoint',
    severity: 'high',
    family: 'api-endpoint-exposure',
    categories: ['network', 'control-plane'],
    risk: 'A public control-plane IP endpoint can be reached from the internet: every credential leak, Kubernetes authentication bug or brute-force attempt is one network hop away from the API server.',
    remediation: {
      summary:
        'Disable the public IP endpoint; reach the API through the private endpoint or the IAM-authenticated DNS endpoint.',
      cli: 'gcloud container clusters update <cluster> --location <location> --enable-private-endpoint (or --no-enable-ip-access / --enable-dns-access)',
      iac: 'Terraform google_container_cluster: private_cluster_config { enable_private_endpoint = true } or control_plane_endpoints_config { ip_endpoints_config { enabled = false } }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.6.4'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const ip = publicIpEndpoint(cluster);
    const dns = cluster.controlPlaneEndpointsConfig?.dnsEndpointConfig;
    const evidence = [
      ...ip.evidence,
      ev(
        'cluster.controlPlaneEndpointsConfig.dnsEndpointConfig.allowExternalTraffic',
        dns?.allowExternalTraffic,
      ),
    ];
    if (ip.publicIp) {
      const how =
        ip.source === 'controlPlaneEndpointsConfig'
          ? 'ipEndpointsConfig.enablePublicEndpoint=true'
          : ip.source === 'privateClusterConfig'
            ? 'privateClusterConfig.enablePrivateEndpoint is not set'
            : 'it is not a private cluster';
      return fail(
        `Cluster ${ref.name} exposes a public control-plane IP endpoint (${how}).`,
        evidence,
      );
    }
    // The DNS endpoint authenticates every request with IAM (container.clusters.connect), so
    // external DNS access is not an anonymous network exposure; the message still says so.
    const dnsNote =
      dns?.allowExternalTraffic === true
        ? '; its DNS endpoint accepts external traffic, gated by IAM'
        : '';
    return pass(
      ip.ipEndpoints
        ? `Cluster ${ref.name} has no public control-plane IP endpoint${dnsNote}.`
        : `Cluster ${ref.name} has IP endpoints disabled${dnsNote}.`,
      evidence,
    );
  },
};
