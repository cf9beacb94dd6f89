import type { EksCheck, Evidence, Outcome } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import {
  day,
  minorOf,
  pastExtended,
  pastStandard,
  place,
  resolveSupport,
  type SupportSource,
  type SupportWindow,
} from './lib/version-support';

const VERSION = 'cluster.version';

function extendedNote(window: SupportWindow, now: Date): string {
  const ended = pastExtended(window, now);
  if (ended === true) {
    return window.endOfExtendedSupport
      ? `; extended support ended on ${day(window.endOfExtendedSupport)} too`
      : '; it is no longer supported at all';
  }
  return window.endOfExtendedSupport
    ? `; it is in extended support until ${day(window.endOfExtendedSupport)}`
    : '';
}

function decide(
  name: string,
  version: string,
  source: SupportSource,
  now: Date,
  base: Evidence[],
): Outcome {
  const placement = place(version, source.windows);
  const by = `(decided by ${source.label})`;
  switch (placement.kind) {
    case 'listed': {
      const { window } = placement;
      const evidence = [...base, ...window.evidence];
      const ended = pastStandard(window, now);
      if (ended === undefined) {
        return unknown(
          `Cluster ${name} runs Kubernetes ${version}, but ${source.label} gives neither a support status nor an end date for it.`,
          evidence,
        );
      }
      const end = day(window.endOfStandardSupport);
      return ended
        ? fail(
            `Cluster ${name} runs Kubernetes ${version}, past the end of standard support on ${end}${extendedNote(window, now)} ${by}.`,
            evidence,
          )
        : pass(
            `Cluster ${name} runs Kubernetes ${version}, in standard support until ${end} ${by}.`,
            evidence,
          );
    }
    case 'newer': {
      // Support windows move forward with the version: a newer minor ends later than the
      // newest listed one, so it is supported as long as that one still is.
      const { newest } = placement;
      const evidence = [...base, ...newest.evidence];
      return pastStandard(newest, now) === false
        ? pass(
            `Cluster ${name} runs Kubernetes ${version}, newer than every version in ${source.label} (newest ${newest.version}, in standard support until ${day(newest.endOfStandardSupport)}).`,
            evidence,
          )
        : unknown(
            `Cluster ${name} runs Kubernetes ${version}, newer than every version in ${source.label}, whose newest version ${newest.version} is itself out of standard support: the source is out of date.`,
            evidence,
          );
    }
    case 'older': {
      // An older minor's standard support ended no later than the oldest listed one's.
      const { oldest } = placement;
      const evidence = [...base, ...oldest.evidence];
      return pastStandard(oldest, now) === true
        ? fail(
            `Cluster ${name} runs Kubernetes ${version}, older than every version in ${source.label}, whose oldest version ${oldest.version} left standard support on ${day(oldest.endOfStandardSupport)}: ${version} is past the end of standard support.`,
            evidence,
          )
        : unknown(
            `Cluster ${name} runs Kubernetes ${version}, older than every version in ${source.label}, but the oldest listed version ${oldest.version} is still in standard support, so ${version}'s end date cannot be inferred.`,
            evidence,
          );
    }
    case 'between':
      return unknown(
        `Cluster ${name} runs Kubernetes ${version}, which ${source.label} does not list although it lists older and newer versions.`,
        base,
      );
    case 'empty':
      return unknown(`Cluster ${name}: ${source.label} lists no versions.`, base);
  }
}

export const eksSupportedVersion: EksCheck = {
  meta: {
    id: 'eks-supported-version',
    provider: 'eks',
    title: 'EKS cluster runs a Kubernetes version in standard support',
    severity: 'high',
    family: 'supported-version',
    categories: ['lifecycle', 'control-plane'],
    risk: 'Past the end of standard support a version gets no more upstream fixes for new CVEs at standard cost; in extended support it costs more per hour and is upgraded automatically when extended support ends.',
    remediation: {
      summary:
        'Upgrade the control plane one minor version at a time to a version in standard support, then the node groups and add-ons.',
      cli: 'aws eks update-cluster-version --name <cluster> --kubernetes-version <next-minor>',
      iac: 'CDK: version: eks.KubernetesVersion.of("<minor>"); Terraform aws_eks_cluster: version = "<minor>"',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html',
    },
    frameworks: { 'aws-securityhub': ['EKS.2'] },
    reads: ['eks:DescribeCluster', 'eks:DescribeClusterVersions'],
  },
  evaluate({ cluster, ref, parts }, { now, config }) {
    const version = minorOf(cluster.version);
    const base = [ev(VERSION, cluster.version)];
    if (!version) {
      // DescribeCluster always returns version; absent or malformed means a damaged export.
      return unknown(
        `Cluster ${ref.name}: ${VERSION} is ${cluster.version === undefined ? 'missing from the input' : `"${cluster.version}", not a Kubernetes version`}, so its support cannot be decided.`,
        base,
      );
    }
    const clusterType = cluster.outpostConfig ? 'eks-local-outposts' : 'eks';
    const support = resolveSupport(parts.clusterVersions, clusterType, config.eks.versionCalendar);
    const outcome = decide(ref.name, version, support.source, now, [...base, ...support.evidence]);
    return support.note ? { ...outcome, message: `${outcome.message} ${support.note}.` } : outcome;
  },
};
