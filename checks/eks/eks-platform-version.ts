import type { EksCheck } from '../../core/check';
import { ev, fail, pass, readPart, unknown } from '../../core/outcome';
import { minorOf } from './lib/version-support';

const PATH = 'cluster.platformVersion';
const LIVE = 'parts.clusterVersions.value';

/** `14` from `eks.14`; undefined for anything else. */
function platformNumber(value: string | undefined): number | undefined {
  const match = value ? /^eks(?:-local-outposts)?\.(\d+)$/.exec(value) : null;
  return match ? Number(match[1]) : undefined;
}

export const eksPlatformVersion: EksCheck = {
  meta: {
    id: 'eks-platform-version',
    provider: 'eks',
    title: 'EKS cluster runs the current platform version of its Kubernetes minor version',
    severity: 'low',
    family: 'platform-version',
    categories: ['lifecycle', 'control-plane'],
    risk: 'Platform versions carry the control plane patches (Kubernetes patch releases, security fixes, new API flags); a cluster behind the current one misses them. EKS rolls platform versions out automatically, so a lag that persists points at a stuck rollout.',
    remediation: {
      summary:
        'EKS upgrades platform versions automatically; if a cluster stays behind, check its health issues or update the cluster version, which moves it to the newest platform version.',
      cli: 'aws eks describe-cluster --name <cluster> --query cluster.health',
      iac: 'None: platform versions are managed by EKS.',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/platform-versions.html',
    },
    frameworks: {},
    reads: ['eks:DescribeCluster', 'eks:DescribeClusterVersions'],
  },
  evaluate({ cluster, ref, parts }) {
    const platform = cluster.platformVersion;
    const version = minorOf(cluster.version);
    const evidence = [ev(PATH, platform), ev('cluster.version', cluster.version)];
    const current = platformNumber(platform);
    if (current === undefined || !version) {
      return unknown(
        `Cluster ${ref.name}: platformVersion ${platform === undefined ? 'is missing' : `"${platform}"`} or version ${cluster.version ?? 'missing'} cannot be read from the input.`,
        evidence,
      );
    }
    // Only the live API says which platform version is current; no offline calendar exists.
    const live = readPart(parts.clusterVersions, 'DescribeClusterVersions data', LIVE);
    if (!live.ok) return { ...live.outcome, evidence: [...evidence, ...live.outcome.evidence] };
    const index = live.value.findIndex((v) => minorOf(v.clusterVersion) === version);
    const entry = live.value[index];
    const latestText = entry?.defaultPlatformVersion;
    const latest = platformNumber(latestText);
    if (!entry || latest === undefined) {
      return unknown(
        `Cluster ${ref.name} runs platform ${platform}, but DescribeClusterVersions gives no default platform version for Kubernetes ${version}.`,
        [...evidence, ev(`${LIVE}[${index}].defaultPlatformVersion`, latestText)],
      );
    }
    evidence.push(ev(`${LIVE}[${index}].defaultPlatformVersion`, latestText));
    return current >= latest
      ? pass(
          `Cluster ${ref.name} runs platform ${platform}, the current one for Kubernetes ${version} (${latestText}).`,
          evidence,
        )
      : fail(
          `Cluster ${ref.name} runs platform ${platform}, behind the current ${latestText} for Kubernetes ${version}.`,
          evidence,
        );
  },
};
