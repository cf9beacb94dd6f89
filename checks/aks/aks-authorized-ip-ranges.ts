import type { AksCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';
import { cidrPrefix } from './support/cidr';

const RANGES = 'cluster.apiServerAccessProfile.authorizedIPRanges';
const PRIVATE = 'cluster.apiServerAccessProfile.enablePrivateCluster';
const PUBLIC_ACCESS = 'cluster.publicNetworkAccess';

export const aksAuthorizedIpRanges: AksCheck = {
  meta: {
    id: 'aks-authorized-ip-ranges',
    provider: 'aks',
    title: 'AKS public API server accepts only authorized IP ranges',
    severity: 'high',
    family: 'api-endpoint-authorized-networks',
    categories: ['network', 'control-plane'],
    risk: 'Without authorized IP ranges (or with ranges as wide as the internet) anyone can reach the public API server and try stolen or guessed credentials against it.',
    remediation: {
      summary:
        'Restrict the public API server to the address ranges of your offices, VPNs and CI runners, or make the cluster private.',
      cli: 'az aks update --resource-group <rg> --name <cluster> --api-server-authorized-ip-ranges 203.0.113.0/24,198.51.100.10/32',
      iac: 'Bicep: properties.apiServerAccessProfile.authorizedIPRanges: [\'203.0.113.0/24\']; Terraform azurerm_kubernetes_cluster: api_server_access_profile { authorized_ip_ranges = ["203.0.113.0/24"] }',
      url: 'https://learn.microsoft.com/azure/aks/api-server-authorized-ip-ranges',
    },
    frameworks: { 'cis-aks-1.8.0': ['5.4.1'] },
    reads: ['containerservice:ManagedClusters.List'],
  },
  evaluate({ cluster, ref }, { config }) {
    const access = cluster.apiServerAccessProfile;
    const ranges = access?.authorizedIPRanges ?? [];
    const evidence = [
      ev(PRIVATE, access?.enablePrivateCluster),
      ev(RANGES, access?.authorizedIPRanges),
    ];
    // Azure rejects authorized IP ranges on private clusters: there is no public endpoint to restrict.
    if (access?.enablePrivateCluster === true) {
      return notApplicable(
        `Cluster ${ref.name} is a private cluster; authorized IP ranges apply only to a public API server.`,
        evidence,
      );
    }
    if (cluster.publicNetworkAccess === 'Disabled') {
      return notApplicable(
        `Cluster ${ref.name} has public network access disabled, so there is no public API server to restrict.`,
        [...evidence, ev(PUBLIC_ACCESS, cluster.publicNetworkAccess)],
      );
    }
    if (ranges.length === 0) {
      return fail(
        `Cluster ${ref.name} has a public API server with no authorized IP ranges: it accepts connections from any address.`,
        evidence,
      );
    }
    const min = config.aks.openCidrMinPrefix;
    const open = ranges.filter((r) => {
      const parsed = cidrPrefix(r);
      // An unparsable range cannot be shown to be narrow; IPv6 is scaled to the IPv4 threshold.
      if (!parsed) return true;
      return parsed.family === 4 ? parsed.prefix < min : parsed.prefix < min * 4;
    });
    if (open.length > 0) {
      return fail(
        `Cluster ${ref.name} authorizes ranges wider than /${min} on its public API server: ${open.join(', ')}.`,
        evidence,
      );
    }
    return pass(
      `Cluster ${ref.name} limits its public API server to ${ranges.length} authorized range(s): ${ranges.join(', ')}.`,
      evidence,
    );
  },
};
