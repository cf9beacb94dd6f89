import type { EksCheck } from '../../core/check';
import { ev, fail, pass, unknown } from '../../core/outcome';
import { day, minorOf, place, resolveSupport, standardEnded } from './lib/version-support';

const PATH = 'cluster.upgradePolicy.supportType';

export const eksExtendedSupportPolicy: EksCheck = {
  meta: {
    id: 'eks-extended-support-policy',
    provider: 'eks',
    title: 'EKS cluster is not running on paid extended support',
    severity: 'low',
    family: 'extended-support-policy',
    categories: ['lifecycle'],
    risk: 'With supportType EXTENDED a cluster silently stays on a version past standard support: the hourly control-plane price rises sixfold and the version lags behind upstream fixes until someone notices.',
    remediation: {
      summary:
        'Upgrade to a version in standard support; set the upgrade policy to STANDARD if clusters should be upgraded automatically rather than enter extended support.',
      cli: 'aws eks update-cluster-config --name <cluster> --upgrade-policy supportType=STANDARD',
      iac: 'CDK (L1): CfnCluster upgradePolicy: { supportType: "STANDARD" }; Terraform aws_eks_cluster: upgrade_policy { support_type = "STANDARD" }',
      url: 'https://docs.aws.amazon.com/eks/latest/userguide/extended-support-control.html',
    },
    frameworks: {},
    reads: ['eks:DescribeCluster', 'eks:DescribeClusterVersions'],
  },
  evaluate({ cluster, ref, parts }, { now, config }) {
    const supportType = cluster.upgradePolicy?.supportType;
    const evidence = [ev(PATH, supportType)];
    switch (supportType) {
      case undefined:
        // The current DescribeCluster always returns upgradePolicy; an export without it is
        // older than the feature or incomplete.
        return unknown(
          `Cluster ${ref.name}: ${PATH} is missing from the input (the current API always returns it), so the extended support policy cannot be decided.`,
          evidence,
        );
      case 'STANDARD':
        return pass(
          `Cluster ${ref.name} has supportType STANDARD: it is upgraded automatically at the end of standard support instead of entering extended support.`,
          evidence,
        );
      case 'EXTENDED':
        break;
      default:
        return unknown(
          `Cluster ${ref.name} reports supportType ${String(supportType)}, which this check does not know.`,
          evidence,
        );
    }
    const version = minorOf(cluster.version);
    evidence.push(ev('cluster.version', cluster.version));
    if (!version) {
      return unknown(
        `Cluster ${ref.name} has supportType EXTENDED, but its version is unreadable, so whether it is in extended support cannot be decided.`,
        evidence,
      );
    }
    const clusterType = cluster.outpostConfig ? 'eks-local-outposts' : 'eks';
    const support = resolveSupport(parts.clusterVersions, clusterType, config.eks.versionCalendar);
    const placement = place(version, support.source.windows);
    const window = placement.kind === 'listed' ? placement.window : undefined;
    evidence.push(...support.evidence, ...(window?.evidence ?? []));
    const ended = standardEnded(placement, now);
    const by = `(decided by ${support.source.label})`;
    if (ended === undefined) {
      return unknown(
        `Cluster ${ref.name} has supportType EXTENDED on Kubernetes ${version}, whose support window ${support.source.label} does not tell ${by}.`,
        evidence,
      );
    }
    return ended
      ? fail(
          `Cluster ${ref.name} runs Kubernetes ${version} on paid extended support (supportType EXTENDED, standard support ended ${day(window?.endOfStandardSupport)}) ${by}.`,
          evidence,
        )
      : pass(
          `Cluster ${ref.name} has supportType EXTENDED, but Kubernetes ${version} is still in standard support${window ? ` until ${day(window.endOfStandardSupport)}` : ''} ${by}.`,
          evidence,
        );
  },
};
