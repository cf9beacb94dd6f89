import type { EksCheck, EvalContext, Outcome } from '../../core/check';
import { defaultAuditConfig } from '../../core/config';
import { notCollected } from '../../core/snapshot';
import type { EksCluster, EksParts, EksSnapshot } from '../../core/snapshot-eks';
import { eksRef } from '../../providers/aws/eks-ref';
import { fixture } from '../fixture';

/** The AWS CLI docs' DescribeCluster example (`my-eks-cluster`, v1.26, all logs on). */
export function describeClusterExample(): EksCluster {
  return fixture<{ cluster: EksCluster }>('aws/eks/describe-cluster.json').cluster;
}

/** A snapshot of `cluster` (default: the docs example), with parts not collected unless given. */
export function eksSnapshot(
  cluster: EksCluster = describeClusterExample(),
  parts: Partial<EksParts> = {},
): EksSnapshot {
  return {
    provider: 'eks',
    ref: eksRef(cluster),
    source: { kind: 'export', file: 'test', format: 'aws-eks-describe-cluster' },
    cluster,
    parts: {
      nodegroups: notCollected('the test input has no node groups'),
      clusterVersions: notCollected('the test input has no DescribeClusterVersions data'),
      ...parts,
    },
  };
}

/** A context at a fixed date with the default configuration. */
export function evalContext(now = '2026-11-28T00:00:00Z'): EvalContext {
  return { now: new Date(now), config: defaultAuditConfig() };
}

/** Runs a check and returns its outcomes as a list. */
export function evaluate(check: EksCheck, snapshot: EksSnapshot, ctx = evalContext()): Outcome[] {
  const out = check.evaluate(snapshot, ctx);
  return Array.isArray(out) ? out : [out];
}

/** Runs a check that yields exactly one outcome. */
export function evaluateOne(check: EksCheck, snapshot: EksSnapshot, ctx = evalContext()): Outcome {
  const [only, ...rest] = evaluate(check, snapshot, ctx);
  if (!only || rest.length > 0) throw new Error(`expected one outcome from ${check.meta.id}`);
  return only;
}
