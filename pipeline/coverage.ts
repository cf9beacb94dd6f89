import type { TargetCollection } from '../core/collector';
import {
  type CoverageGap,
  type CoveredResource,
  coverageFinding,
  coveredFinding,
  isClusterDescribeError,
  isCoverageGap,
} from '../core/coverage';
import type { Finding } from '../core/finding';
import type { Cloud } from '../core/provider';
import type { ClusterSnapshot, CollectionError, Part } from '../core/snapshot';
import { type Target, targetLabel } from '../core/target';

/** Errors of a cluster's parts, named by cluster so the summary says where they happened. */
export function partErrors(snapshot: ClusterSnapshot): CollectionError[] {
  const parts: Part<unknown>[] = Object.values(snapshot.parts);
  return parts.flatMap((part) => {
    const errors = part.state === 'not_collected' ? [] : (part.errors ?? []);
    return errors.map((e) => ({ ...e, resource: e.resource ?? snapshot.ref.name }));
  });
}

/** A target's account and region as findings spell them. */
function place(target: Target): { account: string; region: string } {
  switch (target.cloud) {
    case 'aws':
      return { account: target.account, region: target.region };
    case 'gcp':
      return { account: target.project, region: 'global' };
    case 'azure':
      return { account: target.subscription, region: 'global' };
  }
}

/** The whole target as a gap. */
export function targetGap(
  target: Target,
  extent: CoverageGap['extent'],
  errors: CollectionError[],
): CoverageGap {
  const label = targetLabel(target);
  return {
    cloud: target.cloud,
    scope: 'target',
    extent,
    resourceId: label,
    resourceName: label,
    ...place(target),
    target: label,
    errors,
  };
}

/** A listed cluster that could not be described (an EKS cluster has an ARN we can spell). */
function undescribedClusterGap(target: Target, error: CollectionError): CoverageGap {
  const name = error.resource ?? 'unnamed';
  const { account, region } = place(target);
  const partition =
    target.cloud === 'aws' ? (/^arn:([a-z-]+):/.exec(target.roleArn ?? '')?.[1] ?? 'aws') : '';
  return {
    cloud: target.cloud,
    scope: 'cluster',
    extent: 'not_audited',
    resourceId:
      target.cloud === 'aws' ? `arn:${partition}:eks:${region}:${account}:cluster/${name}` : name,
    resourceName: name,
    account,
    region,
    target: targetLabel(target),
    errors: [error],
  };
}

/**
 * Every gap of one target's collection: the clusters that could not be described, the clusters
 * collected with failed calls, and the target itself when an error hid clusters of it (a denied
 * or failed listing, an unreachable zone).
 */
export function collectionGaps(collection: TargetCollection): CoverageGap[] {
  const { target } = collection;
  const gaps: CoverageGap[] = [];
  const targetErrors = collection.errors.filter((e) => !isClusterDescribeError(e));
  if (targetErrors.length > 0) {
    const gap =
      collection.snapshots.length === 0
        ? targetGap(target, 'not_audited', targetErrors)
        : {
            ...targetGap(target, 'partial', targetErrors),
            consequence: 'Clusters these calls would have listed are missing from this run.',
          };
    gaps.push(gap);
  }
  for (const error of collection.errors.filter(isClusterDescribeError)) {
    gaps.push(undescribedClusterGap(target, error));
  }
  for (const snapshot of collection.snapshots) {
    const errors = partErrors(snapshot);
    if (errors.length === 0) continue;
    gaps.push({
      cloud: target.cloud,
      scope: 'cluster',
      extent: 'partial',
      resourceId: snapshot.ref.id,
      resourceName: snapshot.ref.name,
      account: snapshot.ref.account,
      region: snapshot.ref.region,
      target: targetLabel(target),
      errors,
    });
  }
  return gaps;
}

/**
 * The coverage findings of one target's collection: a failing one per gap, a passing one for
 * the target and each cluster audited completely.
 */
export function collectionCoverage(collection: TargetCollection, observedAt: Date): Finding[] {
  const gaps = collectionGaps(collection);
  const { target } = collection;
  const label = targetLabel(target);
  const covered: CoveredResource[] = [];
  if (!gaps.some((g) => g.scope === 'target')) {
    covered.push({
      cloud: target.cloud,
      scope: 'target',
      resourceId: label,
      resourceName: label,
      ...place(target),
      target: label,
    });
  }
  const gapIds = new Set(gaps.map((g) => g.resourceId));
  for (const { ref } of collection.snapshots) {
    if (gapIds.has(ref.id)) continue;
    covered.push({
      cloud: target.cloud,
      scope: 'cluster',
      resourceId: ref.id,
      resourceName: ref.name,
      account: ref.account,
      region: ref.region,
      target: label,
    });
  }
  return [
    ...gaps.map((gap) => coverageFinding(gap, observedAt)),
    ...covered.map((resource) => coveredFinding(resource, observedAt)),
  ];
}

/**
 * Coverage findings of targets that failed without writing any (their audit step never finished,
 * or its result could not be read): the whole target was not audited.
 */
export function unreadTargetCoverage(
  targets: readonly { target: Target; status: string; errors: CollectionError[] }[],
  findingsOf: (i: number) => readonly Finding[],
  observedAt: Date,
): Finding[] {
  return targets.flatMap((t, i) =>
    t.status === 'failed' &&
    !findingsOf(i).some((f) => isCoverageGap(f) && f.resourceId === targetLabel(t.target))
      ? [coverageFinding(targetGap(t.target, 'not_audited', t.errors), observedAt)]
      : [],
  );
}

/** The cloud a discovery call belongs to, by its service prefix. */
const DISCOVERY_CLOUD: Readonly<Record<string, Cloud>> = {
  ec2: 'aws',
  organizations: 'aws',
  sts: 'aws',
  account: 'aws',
  cloudresourcemanager: 'gcp',
  resourcemanager: 'gcp',
  subscriptions: 'azure',
  resources: 'azure',
};

/**
 * Discovery calls that failed (an account whose regions could not be listed...): the targets they
 * would have produced are missing, so each is a gap of the account (or project, subscription) it
 * was about.
 */
export function discoveryCoverage(errors: readonly CollectionError[], observedAt: Date): Finding[] {
  return errors.map((error) => {
    const cloud = DISCOVERY_CLOUD[error.operation.split(':')[0] ?? ''] ?? 'aws';
    const scope = error.resource ?? error.operation;
    const label = `${cloud}:${scope}`;
    return coverageFinding(
      {
        cloud,
        scope: 'target',
        extent: 'partial',
        resourceId: label,
        resourceName: label,
        account: scope,
        region: 'global',
        target: label,
        errors: [error],
        consequence: 'Targets this call would have found are missing from this run.',
      },
      observedAt,
    );
  });
}
