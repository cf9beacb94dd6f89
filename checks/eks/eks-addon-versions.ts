import type { EksCheck, Evidence } from '../../core/check';
import { ev, fail, notApplicable, pass, readPart, unknown } from '../../core/outcome';
import { minorOf } from './lib/version-support';

const ADDONS = 'parts.addons.value';
const VERSIONS = 'parts.addonVersions.value';
const BROKEN = new Set(['DEGRADED', 'CREATE_FAILED', 'UPDATE_FAILED', 'DELETE_FAILED']);

/** `v1.16.4-eksbuild.2` → [1, 16, 4, 2], for ordering add-on versions. */
function versionParts(version: string): number[] {
  return (version.match(/\d+/g) ?? []).map(Number);
}

function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export const eksAddonVersions: EksCheck = {
  meta: {
    id: 'eks-addon-versions',
    provider: 'eks',
    title: 'EKS managed add-ons are healthy and not older than the default version',
    severity: 'low',
    family: 'addon-currency',
    categories: ['lifecycle'],
    risk: 'Add-ons such as vpc-cni, kube-proxy and coredns carry their own security fixes; an add-on left behind the default version for the cluster version, or stuck degraded, misses them and may break on the next upgrade.',
    remediation: {
      summary:
        'Update each add-on to at least the default version for the cluster Kubernetes version and fix the health issues it reports.',
      cli: 'aws eks update-addon --cluster-name <cluster> --addon-name <addon> --addon-version <version> --resolve-conflicts PRESERVE',
      iac: 'CDK: eks.CfnAddon addonVersion; Terraform aws_eks_addon: addon_version = data.aws_eks_addon_version.<addon>.version (most_recent = false for the default)',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/updating-an-add-on.html',
    },
    frameworks: {},
    reads: ['eks:ListAddons', 'eks:DescribeAddon', 'eks:DescribeAddonVersions'],
  },
  evaluate({ cluster, ref, parts }) {
    const addons = readPart(parts.addons, `Add-ons of cluster ${ref.name}`, ADDONS);
    if (!addons.ok) return addons.outcome;
    if (addons.value.length === 0) {
      return notApplicable(`Cluster ${ref.name} has no managed add-ons.`, [
        ev(ADDONS, addons.value),
      ]);
    }
    const minor = minorOf(cluster.version);
    const catalog = parts.addonVersions;
    return addons.value.map((addon, i) => {
      const name = addon.addonName ?? `#${i}`;
      const subject = { type: 'eks-addon', id: addon.addonArn ?? name, name };
      const at = `${ADDONS}[${i}]`;
      const issues = addon.health?.issues ?? [];
      const evidence: Evidence[] = [
        ev(`${at}.addonVersion`, addon.addonVersion),
        ev(`${at}.status`, addon.status),
      ];
      const label = `Add-on ${name} of cluster ${ref.name}`;
      if (issues.length > 0 || BROKEN.has(addon.status ?? '')) {
        evidence.push(ev(`${at}.health.issues`, addon.health?.issues));
        const detail = issues
          .map((x) => `${x.code ?? 'issue'}: ${x.message ?? ''}`.trim())
          .join('; ');
        return fail(
          `${label} is ${addon.status ?? 'unhealthy'}${detail ? ` (${detail})` : ''}.`,
          evidence,
          subject,
        );
      }
      if (catalog.state !== 'collected' || !minor || !addon.addonVersion) {
        return unknown(
          `${label} is healthy (${addon.status}), but whether ${addon.addonVersion ?? 'its version'} is current cannot be told: ${catalog.state === 'collected' ? 'the cluster or add-on version is unreadable' : 'eks:DescribeAddonVersions was not collected'}.`,
          evidence,
          subject,
        );
      }
      const infoIndex = catalog.value.findIndex((info) => info.addonName === name);
      const info = catalog.value[infoIndex];
      const defaults = (info?.addonVersions ?? []).flatMap((v, j) =>
        (v.compatibilities ?? []).some(
          (c) => c.clusterVersion === minor && c.defaultVersion === true,
        ) && v.addonVersion
          ? [{ version: v.addonVersion, j }]
          : [],
      );
      const [byDefault] = defaults;
      if (!byDefault) {
        return unknown(
          `${label}: DescribeAddonVersions names no default version for Kubernetes ${minor}.`,
          evidence,
          subject,
        );
      }
      evidence.push(
        ev(
          `${VERSIONS}[${infoIndex}].addonVersions[${byDefault.j}].addonVersion`,
          byDefault.version,
        ),
      );
      return compareVersions(addon.addonVersion, byDefault.version) < 0
        ? fail(
            `${label} runs ${addon.addonVersion}, older than the default ${byDefault.version} for Kubernetes ${minor}.`,
            evidence,
            subject,
          )
        : pass(
            `${label} runs ${addon.addonVersion}, at or above the default ${byDefault.version} for Kubernetes ${minor}, and is healthy.`,
            evidence,
            subject,
          );
    });
  },
};
