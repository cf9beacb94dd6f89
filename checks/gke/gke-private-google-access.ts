import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, readPart } from '../../core/outcome';

export const gkePrivateGoogleAccess: GkeCheck = {
  meta: {
    id: 'gke-private-google-access',
    provider: 'gke',
    title: 'GKE node subnetwork has Private Google Access',
    severity: 'low',
    family: 'private-service-access',
    categories: ['network'],
    risk: 'Without Private Google Access, nodes without external IPs cannot reach Google APIs (Artifact Registry, Logging), which pushes teams to give nodes public IPs or open egress.',
    remediation: {
      summary: 'Turn on Private Google Access on the node subnetwork.',
      cli: 'gcloud compute networks subnets update <subnet> --region <region> --enable-private-ip-google-access',
      iac: 'Terraform google_compute_subnetwork: private_ip_google_access = true',
      url: 'https://cloud.google.com/vpc/docs/configure-private-google-access',
    },
    frameworks: {},
    reads: ['compute:subnetworks.get'],
  },
  evaluate({ ref, parts }) {
    const sub = readPart(parts.subnetwork, 'The node subnetwork', 'parts.subnetwork');
    if (!sub.ok) return sub.outcome;
    const value = sub.value.privateIpGoogleAccess;
    const evidence = [ev('parts.subnetwork.value.privateIpGoogleAccess', value)];
    const name = sub.value.name ?? 'the node subnetwork';
    // Proto3 JSON omits false: absent means Private Google Access is off.
    return value === true
      ? pass(`Cluster ${ref.name}: subnetwork ${name} has Private Google Access.`, evidence)
      : fail(
          `Cluster ${ref.name}: subnetwork ${name} does not have Private Google Access.`,
          evidence,
        );
  },
};
