import type { AksCheck, EvalContext, Outcome } from '../../core/check';
import { ev, fail, partProblem, pass, unknown } from '../../core/outcome';
import type { AksKubernetesVersion } from '../../core/snapshot-aks';
import { compareMinor } from '../../core/version-calendar';

const VERSION = 'cluster.currentKubernetesVersion';
const PLAN = 'cluster.supportPlan';
const VERSIONS = 'parts.kubernetesVersions';
const LTS = 'AKSLongTermSupport';

function minorOf(version: string): string | undefined {
  return /^(\d+\.\d+)/.exec(version)?.[1];
}

/** Decides from the live `ListKubernetesVersions` result of the cluster's location. */
function fromLiveList(
  name: string,
  minor: string,
  plan: string,
  versions: AksKubernetesVersion[],
  base: Outcome['evidence'],
): Outcome {
  const index = versions.findIndex((v) => v.version === minor);
  const entry = versions[index];
  if (!entry) {
    const listed = versions.map((v) => v.version).join(', ');
    return fail(
      `Cluster ${name} runs Kubernetes ${minor}, which AKS no longer lists as available in its region (listed: ${listed}).`,
      [
        ...base,
        ev(
          `${VERSIONS}[].version`,
          versions.map((v) => v.version),
        ),
      ],
    );
  }
  // Versions without capabilities predate support plans: community support only.
  const plans = entry.capabilities?.supportPlan ?? ['KubernetesOfficial'];
  const evidence = [
    ...base,
    ev(`${VERSIONS}[${index}].capabilities.supportPlan`, entry.capabilities?.supportPlan),
    ev(`${VERSIONS}[${index}].isPreview`, entry.isPreview),
  ];
  if (entry.isPreview === true) {
    return fail(
      `Cluster ${name} runs Kubernetes ${minor}, a preview version without production support.`,
      evidence,
    );
  }
  return plans.includes(plan)
    ? pass(`Cluster ${name} runs Kubernetes ${minor}, supported under its ${plan} plan.`, evidence)
    : fail(
        `Cluster ${name} runs Kubernetes ${minor}, which AKS supports only under ${plans.join(', ')}; the cluster's plan is ${plan}.`,
        evidence,
      );
}

/** Decides from the dated calendar in the configuration (offline input). */
function fromCalendar(
  name: string,
  minor: string,
  plan: string,
  ctx: EvalContext,
  why: string,
  base: Outcome['evidence'],
): Outcome {
  const calendar = ctx.config.aks.versionCalendar;
  const evidence = [...base, ev('config.aks.versionCalendar.asOf', calendar.asOf)];
  const entry = calendar.versions.find((v) => v.version === minor);
  if (!entry) {
    const oldest = calendar.versions.map((v) => v.version).sort(compareMinor)[0];
    if (oldest && compareMinor(minor, oldest) < 0) {
      return fail(
        `Cluster ${name} runs Kubernetes ${minor}, older than every version in the AKS calendar (as of ${calendar.asOf}); ${why}.`,
        evidence,
      );
    }
    return unknown(
      `Cluster ${name} runs Kubernetes ${minor}, which the AKS calendar (as of ${calendar.asOf}) does not list; ${why}. Update aks.versionCalendar.`,
      evidence,
    );
  }
  const end = plan === LTS ? entry.endOfExtendedSupport : entry.endOfStandardSupport;
  if (!end) {
    return unknown(
      `Cluster ${name} is on the ${LTS} plan, but the AKS calendar has no long-term support date for ${minor}; ${why}.`,
      evidence,
    );
  }
  const endOfDay = new Date(`${end}T23:59:59Z`);
  return ctx.now > endOfDay
    ? fail(
        `Cluster ${name} runs Kubernetes ${minor}, whose ${plan} support ended on ${end} (AKS calendar as of ${calendar.asOf}).`,
        evidence,
      )
    : pass(
        `Cluster ${name} runs Kubernetes ${minor}, supported under ${plan} until ${end} (AKS calendar as of ${calendar.asOf}).`,
        evidence,
      );
}

export const aksSupportedVersion: AksCheck = {
  meta: {
    id: 'aks-supported-version',
    provider: 'aks',
    title: 'AKS cluster runs a supported Kubernetes version',
    severity: 'high',
    family: 'supported-version',
    categories: ['lifecycle'],
    risk: 'A version out of community support (or out of its long-term support plan) gets no security patches: known Kubernetes CVEs stay open, and AKS may force-upgrade the cluster.',
    remediation: {
      summary:
        'Upgrade the control plane and the agent pools to a version AKS supports, or move the cluster to the Premium tier with the AKSLongTermSupport plan.',
      cli: 'az aks get-upgrades --resource-group <rg> --name <cluster>; az aks upgrade --resource-group <rg> --name <cluster> --kubernetes-version <version>',
      iac: "Bicep: properties.kubernetesVersion: '<supported version>' (LTS: sku.tier: 'Premium', properties.supportPlan: 'AKSLongTermSupport'); Terraform azurerm_kubernetes_cluster: kubernetes_version, support_plan",
      url: 'https://learn.microsoft.com/azure/aks/supported-kubernetes-versions',
    },
    frameworks: {},
    reads: [
      'containerservice:ManagedClusters.List',
      'containerservice:ManagedClusters.ListKubernetesVersions',
    ],
  },
  evaluate({ cluster, parts, ref }, ctx) {
    const version = cluster.currentKubernetesVersion ?? cluster.kubernetesVersion;
    // Unset supportPlan means KubernetesOfficial (community support), as the model documents.
    const plan = cluster.supportPlan ?? 'KubernetesOfficial';
    const base = [ev(VERSION, cluster.currentKubernetesVersion), ev(PLAN, cluster.supportPlan)];
    const minor = version ? minorOf(version) : undefined;
    if (!minor) {
      return unknown(
        `Cluster ${ref.name}: no readable Kubernetes version in the input (${version ?? 'absent'}).`,
        base,
      );
    }
    const live = parts.kubernetesVersions;
    if (live.state === 'collected' && !live.errors?.length) {
      return fromLiveList(ref.name, minor, plan, live.value, base);
    }
    const why = partProblem(live, 'the live version list') ?? 'the live version list is incomplete';
    return fromCalendar(ref.name, minor, plan, ctx, why, base);
  },
};
