import type { GkeCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { compareMinor } from '../../core/version-calendar';
import { minorOf } from './shared/cluster';
import { poolTargets } from './shared/node-targets';
import { controlPlaneSupport } from './shared/version-support';

export const gkeVersionSkewSupport: GkeCheck = {
  meta: {
    id: 'gke-version-skew-support',
    provider: 'gke',
    title:
      'GKE control plane runs a supported version and node pools are within the supported skew',
    severity: 'medium',
    family: 'supported-version',
    categories: ['lifecycle'],
    risk: 'Versions past end of support receive no security patches; node pools far behind the control plane miss node-level fixes and block control-plane upgrades.',
    remediation: {
      summary:
        'Upgrade the control plane to a supported minor version and the node pools to within two minors of it (release channels do this automatically).',
      cli: 'gcloud container clusters upgrade <cluster> --location <location> --master --cluster-version <version>; gcloud container clusters upgrade <cluster> --location <location> --node-pool <pool>',
      iac: 'Terraform google_container_cluster: min_master_version / release_channel; google_container_node_pool: version (or auto_upgrade = true)',
      url: 'https://cloud.google.com/kubernetes-engine/versioning',
    },
    frameworks: {},
    reads: [
      'container:projects.locations.clusters.get',
      'container:projects.locations.clusters.fetchClusterUpgradeInfo',
      'container:projects.locations.getServerConfig',
    ],
  },
  evaluate(snapshot, { now, config }) {
    const { cluster, ref } = snapshot;
    const support = controlPlaneSupport(snapshot, now, config.gke.versionCalendar);
    const master = minorOf(cluster.currentMasterVersion);
    const skewed: string[] = [];
    const evidence = [...support.evidence];
    if (master) {
      for (const t of poolTargets(snapshot)) {
        const v = minorOf(t.pool.version);
        evidence.push(ev(`${t.path}.version`, t.pool.version));
        if (v && compareMinor(master, v) > 0) {
          const gap = Number(master.split('.')[1]) - Number(v.split('.')[1]);
          if (gap > config.gke.maxNodeVersionSkew)
            skewed.push(`${t.subject.name} (${t.pool.version}, ${gap} minors behind)`);
        }
      }
    }
    const problems: string[] = [];
    if (support.state === 'unsupported') problems.push(`its control plane ${support.reason}`);
    if (skewed.length > 0)
      problems.push(
        `node pool(s) beyond the ${config.gke.maxNodeVersionSkew}-minor skew: ${skewed.join(', ')}`,
      );
    if (problems.length > 0) return fail(`Cluster ${ref.name}: ${problems.join('; ')}.`, evidence);
    if (support.state === 'unknown')
      return unknown(
        `Cluster ${ref.name}: ${support.reason}, so version support cannot be decided.`,
        evidence,
      );
    return pass(
      `Cluster ${ref.name}: ${support.reason}; node pools are within ${config.gke.maxNodeVersionSkew} minors.`,
      evidence,
    );
  },
};
