import type { Evidence } from './check';
import { type Finding, findingId } from './finding';
import type { Cloud, Provider } from './provider';
import type { CollectionError, Source } from './snapshot';

/**
 * The finding a run writes for each part of the estate it could not audit: a target that failed
 * (nothing collected), a cluster that could not be described, or a cluster collected with some
 * calls failed. It is not a check of a cluster's settings but of the audit itself: an auditor
 * that silently skips a cluster is worse than none, so the gap is a high-severity finding.
 */
export const COVERAGE_CHECK_ID = 'mk8s-audit-coverage';

const PROVIDER_OF: Readonly<Record<Cloud, Provider>> = { aws: 'eks', gcp: 'gke', azure: 'aks' };

/** Calls that describe a listed cluster: when one fails, that cluster has no snapshot. */
const CLUSTER_DESCRIBE_OPERATIONS = new Set(['eks:DescribeCluster']);

/** Whether a target-level error is about one listed cluster (rather than the whole target). */
export function isClusterDescribeError(error: CollectionError): boolean {
  return CLUSTER_DESCRIBE_OPERATIONS.has(error.operation) && error.resource !== undefined;
}

/** What could not be audited, and why. */
export interface CoverageGap {
  cloud: Cloud;
  /** `target`: an account/region, project or subscription; `cluster`: one cluster of it. */
  scope: 'target' | 'cluster';
  /** `not_audited`: no result at all; `partial`: collected, but some calls failed. */
  extent: 'not_audited' | 'partial';
  /** The cluster's id (ARN / GKE name / ARM id), or the target's label for a target. */
  resourceId: string;
  resourceName: string;
  /** AWS account, GCP project or Azure subscription. */
  account: string;
  /** AWS region or cluster location; `global` for a GCP project or Azure subscription. */
  region: string;
  /** The target's label (`aws:111122223333/eu-west-1`), named in the message. */
  target: string;
  errors: CollectionError[];
  /** What the gap means for the results, when the default sentence of `extent` does not fit. */
  consequence?: string;
}

/** At most this many failed calls are spelled out in the message (all are in the evidence). */
const LISTED_ERRORS = 5;

const describeError = (e: CollectionError): string =>
  `${e.operation}${e.resource ? ` (${e.resource})` : ''} failed with ${e.code}: ${e.message}`;

function message(gap: CoverageGap): string {
  const what =
    gap.scope === 'target'
      ? `Target ${gap.target}`
      : `Cluster ${gap.resourceName} of ${gap.target}`;
  const listed = gap.errors.slice(0, LISTED_ERRORS).map(describeError).join('; ');
  const more =
    gap.errors.length > LISTED_ERRORS ? ` (and ${gap.errors.length - LISTED_ERRORS} more)` : '';
  const cause = gap.errors.length > 0 ? `: ${listed}${more}` : '';
  const consequence =
    gap.consequence ??
    (gap.extent === 'not_audited'
      ? 'None of its results are in this run; earlier results stand until it is audited again.'
      : 'Results that need those calls are unknown.');
  return gap.extent === 'not_audited'
    ? `${what} was not audited in this run${cause}. ${consequence}`
    : `${what} was only partly audited${cause}. ${consequence}`;
}

/** A target or cluster this run audited completely. */
export type CoveredResource = Omit<CoverageGap, 'extent' | 'errors' | 'consequence'>;

/**
 * The passing coverage finding of a resource audited completely. Every audited target and
 * cluster has one, so a gap of an earlier run is resolved (re-imported as passed) by the
 * lifecycle when the resource is audited again, like any fixed finding.
 */
export function coveredFinding(resource: CoveredResource, observedAt: Date): Finding {
  const what =
    resource.scope === 'target'
      ? `Target ${resource.target}`
      : `Cluster ${resource.resourceName} of ${resource.target}`;
  return {
    ...coverageFinding({ ...resource, extent: 'partial', errors: [] }, observedAt),
    status: 'pass',
    message: `${what} was audited completely: every call this run made for it succeeded.`,
    evidence: [{ path: 'errors', value: [] }],
  };
}

/** The coverage finding of a gap; `observedAt` is when the run saw it. */
export function coverageFinding(gap: CoverageGap, observedAt: Date): Finding {
  const evidence: Evidence[] = gap.errors.map((e, i) => ({
    path: `errors[${i}]`,
    value: { ...e },
  }));
  const source: Source = { kind: 'api', collectedAt: observedAt.toISOString() };
  return {
    id: findingId(COVERAGE_CHECK_ID, gap.resourceId),
    checkId: COVERAGE_CHECK_ID,
    provider: PROVIDER_OF[gap.cloud],
    cloud: gap.cloud,
    resourceId: gap.resourceId,
    resourceName: gap.resourceName,
    account: gap.account,
    region: gap.region,
    status: 'fail',
    severity: 'high',
    title: 'Every target and cluster of the estate is audited completely',
    message: message(gap),
    evidence:
      evidence.length > 0 ? evidence : [{ path: 'errors', value: null, absent: true as const }],
    family: 'audit-coverage',
    categories: ['control-plane'],
    remediation: {
      summary:
        'Fix the cause named in the finding (grant the read-only role the denied permission, restore access to the account, project or subscription, or wait for the API to recover), then run the audit again; it completes the missing targets.',
    },
    frameworks: {},
    source,
  };
}

/** Whether a finding is about the audit's coverage rather than a cluster's setting. */
export const isCoverageFinding = (f: Pick<Finding, 'checkId'>): boolean =>
  f.checkId === COVERAGE_CHECK_ID;

/** Whether a finding reports an audit gap (a coverage finding that is not a pass). */
export const isCoverageGap = (f: Pick<Finding, 'checkId' | 'status'>): boolean =>
  isCoverageFinding(f) && f.status !== 'pass';
