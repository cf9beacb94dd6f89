import type { EvalContext, GkeCheck, Outcome } from '../../core/check';
import { defaultAuditConfig } from '../../core/config';
import { collected, failed, notCollected, type Part } from '../../core/snapshot';
import type { GkeCluster, GkeParts, GkeSnapshot } from '../../core/snapshot-gke';
import { gkeRef } from '../../providers/gcp/gke-ref';
import { fixture } from '../fixture';

interface CaiAsset {
  name: string;
  resource: { data: GkeCluster };
}

/** The Cluster of the policy-library CAI asset whose name ends in `/clusters/<asset>`. */
export function caiCluster(file: string, asset: string): GkeCluster {
  const assets = fixture<CaiAsset[]>(`gcp/policy-library/${file}.cai.json`);
  const found = assets.find((a) => a.name.endsWith(`/clusters/${asset}`));
  if (!found) throw new Error(`no asset ${asset} in ${file}`);
  return found.resource.data;
}

/** Every part not collected, as in an export of the Cluster alone. */
export function noParts(): GkeParts {
  const reason = 'the test input has only the Cluster';
  return {
    project: notCollected(reason),
    iamPolicy: notCollected(reason),
    serverConfig: notCollected(reason),
    upgradeInfo: notCollected(reason),
    firewalls: notCollected(reason),
    subnetwork: notCollected(reason),
    services: notCollected(reason),
    disks: notCollected(reason),
  };
}

/** A snapshot of `cluster`, with parts not collected unless given. */
export function gkeSnapshot(cluster: GkeCluster, parts: Partial<GkeParts> = {}): GkeSnapshot {
  return {
    provider: 'gke',
    ref: gkeRef(cluster),
    source: { kind: 'export', file: 'test', format: 'gcloud-container-clusters-describe' },
    cluster,
    parts: { ...noParts(), ...parts },
  };
}

/** A context at a fixed date with the default configuration. */
export function evalContext(now = '2026-11-28T00:00:00Z'): EvalContext {
  return { now: new Date(now), config: defaultAuditConfig() };
}

export function evaluate(check: GkeCheck, snapshot: GkeSnapshot, ctx = evalContext()): Outcome[] {
  const out = check.evaluate(snapshot, ctx);
  return Array.isArray(out) ? out : [out];
}

export function evaluateOne(check: GkeCheck, snapshot: GkeSnapshot, ctx = evalContext()): Outcome {
  const [only, ...rest] = evaluate(check, snapshot, ctx);
  if (!only || rest.length > 0)
    throw new Error(
      `expected one outcome from ${check.meta.id}, got ${rest.length + (only ? 1 : 0)}`,
    );
  return only;
}

/** The statuses of a check's outcomes, in order. */
export function statuses(check: GkeCheck, snapshot: GkeSnapshot, ctx = evalContext()): string[] {
  return evaluate(check, snapshot, ctx).map((o) => o.status);
}

/** A current Standard cluster that passes every cluster-level check (two node pools). */
export function standardCluster(): GkeCluster {
  return fixture<GkeCluster>('gcp/gke/cluster-standard.json');
}

/** An Autopilot cluster: default node service account, public IP endpoint, Dataplane V2. */
export function autopilotCluster(): GkeCluster {
  return fixture<GkeCluster>('gcp/gke/cluster-autopilot.json');
}

/** A part whose call was denied. */
export function deniedPart<T>(operation: string): Part<T> {
  return failed([{ operation, code: '403', message: 'Permission denied' }]);
}

/** A part collected from `operation`. */
export function part<T>(value: T, operation: string): Part<T> {
  return collected(value, [operation]);
}
