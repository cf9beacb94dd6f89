import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Collector, TargetCollection } from '../../core/collector';
import type { Logger } from '../../core/logger';
import { collected, failed } from '../../core/snapshot';
import type { EksSnapshot } from '../../core/snapshot-eks';
import type { AwsTarget, Target } from '../../core/target';
import { createFsStore } from '../../outputs/fs-store';
import type { ObjectStore, RunRef } from '../../pipeline/types';
import { describeClusterExample, eksSnapshot } from '../builders/eks';

export const RUN: RunRef = { runId: '20261128T030000Z-abc123', date: '2026-11-28' };
export const NOW = new Date('2026-11-28T03:00:00.000Z');
export const clock = () => NOW;

/** A store over a fresh temporary directory, removed when the calling test ends. */
export async function tempStore(): Promise<{ store: ObjectStore; dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'mk8s-pipeline-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return { store: createFsStore(dir), dir };
}

/** A logger that keeps every line, so tests can assert what was reported. */
export function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  return {
    lines,
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
}

/** The docs' EKS cluster renamed into a target's account and region, with its parts collected. */
export function liveEksSnapshot(
  target: AwsTarget,
  name: string,
  publicEndpoint = true,
): EksSnapshot {
  const cluster = describeClusterExample();
  cluster.name = name;
  cluster.arn = `arn:aws:eks:${target.region}:${target.account}:cluster/${name}`;
  cluster.resourcesVpcConfig = {
    ...cluster.resourcesVpcConfig,
    endpointPublicAccess: publicEndpoint,
  };
  const snapshot = eksSnapshot(cluster, {
    nodegroups: collected([], ['eks:ListNodegroups']),
    clusterVersions: collected([], ['eks:DescribeClusterVersions']),
  });
  return { ...snapshot, source: { kind: 'api', collectedAt: NOW.toISOString() } };
}

/** A collector that answers each target from a function (which may throw). */
export function fakeCollector(
  answer: (target: Target) => TargetCollection | Promise<TargetCollection>,
): Collector & {
  calls: Target[];
} {
  const calls: Target[] = [];
  return {
    calls,
    async collect(target) {
      calls.push(target);
      return answer(target);
    },
  };
}

/** Two clusters, the second with a node-group listing that was denied. */
export function partialCollection(target: AwsTarget): TargetCollection {
  const ok = liveEksSnapshot(target, 'alpha');
  const denied = liveEksSnapshot(target, 'beta', false);
  denied.parts.nodegroups = failed([
    { operation: 'eks:ListNodegroups', code: 'AccessDeniedException', message: 'not authorized' },
  ]);
  return { target, snapshots: [ok, denied], errors: [] };
}
