import type { GkeCheck } from '../../core/check';
import { ev, fail, notApplicable, pass } from '../../core/outcome';
import { isOpenRange } from './shared/cidr';
import { authorizedNetworks, publicIpEndpoint } from './shared/endpoints';

export const gkeAuthorizedNetworks: GkeCheck = {
  meta: {
    id: 'gke-authorized-networks',
    provider: 'gke',
    title: 'GKE control plane IP access is limited to narrow authorized networks',
    severity: 'high',
    family: 'api-endpoint-authorized-networks',
    categories: ['network', 'control-plane'],
    risk: 'Without authorized networks (or with internet-wide ranges or all Google Cloud public IPs allowed), any address can reach the Kubernetes API server endpoints.',
    remediation: {
      summary:
        'Enable control plane authorized networks with narrow CIDR ranges and turn off access from Google Cloud public IPs.',
      cli: 'gcloud container clusters update <cluster> --location <location> --enable-master-authorized-networks --master-authorized-networks <cidr>,... --no-enable-google-cloud-access',
      iac: 'Terraform google_container_cluster: master_authorized_networks_config { cidr_blocks { cidr_block = "<cidr>" } gcp_public_cidrs_access_enabled = false }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.6.3'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }, { config }) {
    const ip = publicIpEndpoint(cluster);
    const { config: an, path } = authorizedNetworks(cluster);
    const blocks = (an?.cidrBlocks ?? []).map((b) => b.cidrBlock ?? '');
    const evidence = [
      ...ip.evidence,
      ev(`${path}.enabled`, an?.enabled),
      ev(`${path}.cidrBlocks`, an?.cidrBlocks),
      ev(`${path}.gcpPublicCidrsAccessEnabled`, an?.gcpPublicCidrsAccessEnabled),
    ];
    if (!ip.ipEndpoints) {
      return notApplicable(
        `Cluster ${ref.name} has IP endpoints disabled; only the IAM-authenticated DNS endpoint is reachable.`,
        evidence,
      );
    }
    // Proto3 JSON omits false: an absent `enabled` (or config) means authorized networks are off.
    if (an?.enabled !== true) {
      return fail(
        `Cluster ${ref.name} does not have control plane authorized networks enabled.`,
        evidence,
      );
    }
    const open = blocks.filter((c) => isOpenRange(c, config.gke.openCidrMinPrefix));
    const problems: string[] = [];
    if (open.length > 0) problems.push(`authorizes internet-wide range(s) ${open.join(', ')}`);
    if (an.gcpPublicCidrsAccessEnabled === true)
      problems.push('allows every Google Cloud public IP (gcpPublicCidrsAccessEnabled=true)');
    if (problems.length > 0)
      return fail(`Cluster ${ref.name} ${problems.join(' and ')}.`, evidence);
    return pass(
      blocks.length > 0
        ? `Cluster ${ref.name} limits control-plane access to ${blocks.length} authorized network(s): ${blocks.join(', ')}.`
        : `Cluster ${ref.name} has authorized networks enabled with no ranges: only internal addresses can reach the control plane.`,
      evidence,
    );
  },
};
