import type { GkeCheck } from '../../core/check';
import { ev, fail, pass } from '../../core/outcome';

const PATH = 'cluster.releaseChannel.channel';
const CHANNELS = new Set(['RAPID', 'REGULAR', 'STABLE', 'EXTENDED']);

export const gkeReleaseChannel: GkeCheck = {
  meta: {
    id: 'gke-release-channel',
    provider: 'gke',
    title: 'GKE cluster is enrolled in a release channel',
    severity: 'medium',
    family: 'upgrade-channel',
    categories: ['lifecycle'],
    risk: 'Without a release channel, the cluster does not follow a Google-managed upgrade cadence and security patches reach it later and less predictably.',
    remediation: {
      summary: 'Enroll the cluster in the Regular or Stable release channel.',
      cli: 'gcloud container clusters update <cluster> --location <location> --release-channel regular',
      iac: 'Terraform google_container_cluster: release_channel { channel = "REGULAR" }',
      url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels',
    },
    frameworks: { 'cis-gke-1.9.0': ['5.5.4'] },
    reads: ['container:projects.locations.clusters.get'],
  },
  evaluate({ cluster, ref }) {
    const value = cluster.releaseChannel?.channel;
    const evidence = [ev(PATH, value)];
    // Proto3 JSON omits UNSPECIFIED (no channel), so absence means not enrolled.
    return value && CHANNELS.has(value)
      ? pass(`Cluster ${ref.name} is enrolled in the ${value} release channel.`, evidence)
      : fail(
          `Cluster ${ref.name} is not enrolled in a release channel (channel=${value ?? 'unset'}).`,
          evidence,
        );
  },
};
