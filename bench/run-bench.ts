import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_CHECKS } from '../checks/index';
import { runConfigForEstate } from '../cli/estate-run-config';
import {
  type MemberRole,
  SANDBOX_SECURITY_HUB_REGION,
  sandboxCollectors,
  sandboxListers,
} from '../cli/sandbox-wiring';
import { CallLimiter } from '../core/call-limiter';
import type { Logger } from '../core/logger';
import type { Cloud } from '../core/provider';
import { scopeLabel, type Target, targetLabel } from '../core/target';
import { FUNCTION_MEMORY_MB } from '../infra/function-memory';
import { createFsStore } from '../outputs/fs-store';
import { DEFAULT_REFRESH_AFTER_DAYS } from '../outputs/securityhub-lifecycle';
import type { RunConfig } from '../pipeline/run-config';
import { runLocal } from '../pipeline/run-local';
import type { SecurityHubRunSummary } from '../pipeline/securityhub-sync';
import type { RunRef } from '../pipeline/types';
import type { CounterEntry } from '../sandbox/counters';
import { loadEstate, parseEstate } from '../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../sandbox/sample-estate';
import { coldTargetCollectors } from './cold-targets';
import { type CostEstimate, estimateCost, PRICES } from './cost';
import { countingStore } from './counting-store';
import { benchEstate, clustersPerCloud } from './estate';
import { linkHistory } from './history-links';
import { type CallInterval, type LowerBound, longestChain, lowerBound } from './lower-bound';
import { callsByOperation } from './operation-counts';
import { publishInChild } from './publish-child';
import { type SandboxLink, startSandboxProcess } from './sandbox-link';
import { type TargetStatusSummary, targetStatusSummary } from './target-status';

export interface BenchOptions {
  clusters: number;
  latencyMs: number;
  /** Clusters per target. */
  perTarget: number;
  /** Clusters of the one large AWS scope (estate.ts `LARGE_REGION`); 0: none. */
  large: number;
  /**
   * false: discover does not list clusters (as before target splitting): every scope is one
   * target that lists itself, empty ones included. For comparing the two.
   */
  listing: boolean;
  /**
   * true: every target gets fresh collectors, so nothing is shared between targets (a deployed
   * run where no two targets meet in one warm Lambda environment). false: one collector per
   * cloud for the whole run (one process, or one warm environment serving every target).
   */
  coldTargets: boolean;
  /**
   * true: the publish child imports into the sandbox's Security Hub, and a second run over the
   * same estate a day later is published too (the lifecycle's steady state).
   */
  securityHub: boolean;
  /**
   * With `securityHub`: the second day's publish reads this many days of compliance history
   * (earlier runs linked in, as a deployment's 30th day has); 0 or 1: only the first day's run.
   */
  historyDays: number;
}

/** A run's publish step alone in a fresh process (`publish-child.ts`), as the publish Lambda. */
export interface PublishAlone {
  /** 1: the first run; 2: the same estate audited again a day later. */
  day: number;
  runId: string;
  seconds: number;
  /** The child's peak RSS: Node, the bundle and publish, nothing the audits left. */
  peakRssMb: number;
  peakHeapMb: number;
  /** The child's RSS before publish began (Node and the benchmark's whole bundle loaded). */
  startRssMb: number;
  findings: number;
  /** With `--security-hub`: what the lifecycle did and the calls the sandbox served meanwhile. */
  securityHub?: HubCounts & {
    /** Every call of the publish child by operation (Security Hub, and STS for member roles). */
    callsByOperation: Record<string, number>;
  };
}

/** The lifecycle's counts of the run summary's `securityHub` that the benchmark reports. */
const HUB_COUNTS = [
  'submitted',
  'imported',
  'updated',
  'passed',
  'archived',
  'refreshed',
  'unchanged',
  'unknownKept',
  'failed',
  'retried',
] as const;
type HubCounts = Pick<SecurityHubRunSummary, (typeof HUB_COUNTS)[number]>;

export interface BenchResult {
  clusters: number;
  /** AWS account × region, GCP projects, Azure subscriptions the configuration names. */
  scopes: number;
  /** Scopes discover listed without clusters (no target). */
  emptyScopes: number;
  /** Scopes split into parts, and the parts they became. */
  split: { scopes: number; parts: number };
  listing: boolean;
  /** Whether every target had fresh collectors (`--cold-targets`): no object shared between them. */
  coldTargets: boolean;
  /** Days of compliance history the second day's publish read (`--history-days`). */
  historyDays?: number;
  targets: number;
  latencyMs: number;
  apiCalls: number;
  callsPerCluster: Record<Cloud, number>;
  /** Discover and every target's audit: the calls the bound is about. */
  wallSeconds: number;
  lowerBoundSeconds: number;
  ratio: number;
  /** The process's peak until the last target was audited (publish runs after). */
  peakRssMb: number;
  /**
   * Publish in this process after the audits, Security Hub off (no cloud calls: merging, reports,
   * summary): its own seconds, and the process's peak RSS at its end, which includes what the
   * audits left in the heap (in AWS publish is a function of its own and starts without it: see
   * `publishAlone` for its own memory).
   */
  publish: { seconds: number; peakRssMb: number };
  /**
   * The run's publish step again, alone in a fresh process: its own time and memory (Security
   * Hub import on with `--security-hub`, and then a second day too).
   */
  publishAlone: PublishAlone[];
  totalSeconds: number;
  findings: number;
  /** How the targets ended and which calls failed: a partial target made fewer calls. */
  targetStatus: TargetStatusSummary;
  concurrency: { targetsPerCloud: number; callsInFlight: Record<Cloud, number> };
  longestChain: { calls: number; target: string };
  lowerBound: LowerBound;
  cpuSeconds: number;
  /** Per cloud: how long a call held its slot on average, and how full the slots were. */
  slots: Record<Cloud, { meanCallMs: number; busySeconds: number; utilization: number }>;
  /** Calls per cluster of each operation, per cloud (shared objects spread over the clusters). */
  operationsPerCluster: Record<Cloud, Record<string, number>>;
  /** Calls the sandbox served that no limiter saw (0: every call was limited). */
  unlimitedCalls: number;
  cost: CostEstimate;
}

const CLOUDS: Cloud[] = ['aws', 'gcp', 'azure'];
const round = (n: number, digits = 3) => Number(n.toFixed(digits));

/** The cloud of a sandbox counter's target: AWS account[/region], Azure GUID, else a GCP project. */
function cloudOfCounter(target: string): Cloud {
  if (/^\d{12}(\/|$)/.test(target)) return 'aws';
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-/i.test(target)) return 'azure';
  return 'gcp';
}

/** A logger that notes when each step of the run logged last, and the peak RSS until then. */
function phaseLogger(): Logger & {
  discovered: number;
  lastAudited: number;
  auditRssMb: number;
  sample(): void;
} {
  let peak = 0;
  const log = {
    discovered: 0,
    lastAudited: 0,
    auditRssMb: 0,
    sample() {
      peak = Math.max(peak, process.memoryUsage.rss() / 2 ** 20);
    },
    info(message: string) {
      log.sample();
      if (message.startsWith('Discovered')) log.discovered = performance.now();
      if (message.startsWith('Audited')) {
        log.lastAudited = performance.now();
        log.auditRssMb = peak;
      }
    },
    warn(message: string) {
      log.info(message);
    },
    error() {},
  };
  return log;
}

/** Sums the time calls held a slot, and when the first started and the last ended. */
function timing() {
  const t = {
    calls: 0,
    heldMs: 0,
    first: Number.POSITIVE_INFINITY,
    last: 0,
    observe: (start: number, end: number) => {
      t.calls += 1;
      t.heldMs += end - start;
      t.first = Math.min(t.first, start);
      t.last = Math.max(t.last, end);
    },
  };
  return t;
}

/**
 * With no limit on calls in flight, the longest chain of dependent calls of each cloud's
 * largest target (`lower-bound.ts`). Also loads every module the run needs before it is timed.
 */
async function probeChains(
  sandbox: SandboxLink,
  targets: Target[],
  clustersIn: (target: Target) => number,
  memberRole: MemberRole,
): Promise<{ calls: number; target: string }> {
  let longest = { calls: 0, target: '' };
  for (const cloud of CLOUDS) {
    const mine = targets.filter((t) => t.cloud === cloud);
    if (mine.length === 0) continue;
    const seen: CallInterval[] = [];
    const observe = (start: number, end: number) => seen.push({ start, end });
    const open = new CallLimiter(256, observe);
    const collectors = sandboxCollectors(
      sandbox.url,
      { aws: open, gcp: open, azure: open },
      memberRole,
    );
    // The largest scope has the most pages and the most clusters: its chain is the longest.
    const target = mine.reduce((a, b) => (clustersIn(b) > clustersIn(a) ? b : a));
    await collectors[cloud].collect(target);
    const calls = longestChain(seen);
    if (calls > longest.calls) longest = { calls, target: targetLabel(target) };
  }
  return longest;
}

/**
 * The estate, served by a sandbox process, and what a user of these clouds would configure for
 * it. The estate itself is not kept: the sandbox has its own copy, and this process measures the
 * pipeline, not the estate's generator.
 */
async function startEstate(opts: BenchOptions, dir: string) {
  const estate = parseEstate(
    benchEstate(loadEstate(SAMPLE_ESTATE_FILE), {
      clusters: opts.clusters,
      perTarget: opts.perTarget,
      large: opts.large,
    }),
    'the benchmark estate',
  );
  const sandbox = await startSandboxProcess(estate, opts.latencyMs, dir);
  // The production concurrency defaults; Security Hub import off (its 10 calls/s quota would be
  // the whole story; see the cost).
  const derived = runConfigForEstate(estate, SANDBOX_SECURITY_HUB_REGION);
  const config = { ...derived, securityHub: { ...derived.securityHub, enabled: false } };
  // With `--security-hub` the publish child imports as a deployment does (import on).
  const hubConfig = derived;
  const targets: Target[] = [
    ...Object.keys(estate.aws?.accounts ?? {}).flatMap((account) =>
      config.aws.regions.map((region): Target => ({ cloud: 'aws', account, region })),
    ),
    ...config.gcp.projects.map((project): Target => ({ cloud: 'gcp', project })),
    ...config.azure.subscriptions.map((subscription): Target => ({ cloud: 'azure', subscription })),
  ];
  const clustersIn = (t: Target): number =>
    t.cloud === 'aws'
      ? (estate.aws?.accounts[t.account]?.regions[t.region]?.clusters.length ?? 0)
      : t.cloud === 'gcp'
        ? (estate.gcp?.projects[t.project]?.clusters.length ?? 0)
        : (estate.azure?.subscriptions[t.subscription]?.managedClusters.length ?? 0);
  return { sandbox, config, hubConfig, targets, clustersIn };
}

const DAY_MS = 24 * 3600 * 1000;

/** Publishes `run` in a fresh child process and reads the calls the sandbox served meanwhile. */
async function publishAlone(
  day: number,
  run: RunRef,
  now: Date,
  where: { sandbox: SandboxLink; storeDir: string; dir: string; hubConfig?: RunConfig },
): Promise<PublishAlone> {
  await where.sandbox.reset();
  const m = await publishInChild(
    {
      storeDir: where.storeDir,
      run,
      now: now.toISOString(),
      ...(where.hubConfig
        ? { securityHub: { sandboxUrl: where.sandbox.url, config: where.hubConfig } }
        : {}),
    },
    where.dir,
    `day-${day}`,
  );
  const calls = callsByOperation(await where.sandbox.counters());
  const hub = m.securityHub;
  return {
    day,
    runId: run.runId,
    seconds: round(m.seconds),
    peakRssMb: round(m.peakRssMb, 1),
    peakHeapMb: round(m.peakHeapMb, 1),
    startRssMb: round(m.startRssMb, 1),
    findings: m.findings,
    ...(hub
      ? {
          securityHub: {
            callsByOperation: calls,
            ...(Object.fromEntries(HUB_COUNTS.map((k) => [k, hub[k]])) as HubCounts),
          },
        }
      : {}),
  };
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'mk8s-bench-'));
  const { sandbox, config, hubConfig, targets, clustersIn } = await startEstate(opts, dir);
  try {
    const chain = await probeChains(sandbox, targets, clustersIn, config.aws);
    await sandbox.reset();

    // Where the time goes: how long each call held its slot, and the first and last call.
    const held = { aws: timing(), gcp: timing(), azure: timing() };
    const calls = {
      aws: new CallLimiter(config.callsInFlight.aws, held.aws.observe),
      gcp: new CallLimiter(config.callsInFlight.gcp, held.gcp.observe),
      azure: new CallLimiter(config.callsInFlight.azure, held.azure.observe),
    };
    const storeDir = join(dir, 'store');
    const store = countingStore(createFsStore(storeDir));
    const listers = opts.listing ? sandboxListers(sandbox.url, calls, config.aws) : {};
    const logger = phaseLogger();
    const cpu0 = process.cpuUsage();
    const sampler = setInterval(() => logger.sample(), 50);
    const t0 = performance.now();
    const run = await runLocal(config, {
      store,
      collectors: opts.coldTargets
        ? coldTargetCollectors(() => sandboxCollectors(sandbox.url, calls, config.aws))
        : sandboxCollectors(sandbox.url, calls, config.aws),
      checks: ALL_CHECKS,
      clock: () => new Date(),
      logger,
      ...listers,
    });
    const t1 = performance.now();
    const publishPeakRssMb = process.resourceUsage().maxRSS / 1024;
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;

    const entries: CounterEntry[] = await sandbox.counters();
    const perCloud = { aws: 0, gcp: 0, azure: 0 };
    const ops: Record<Cloud, Record<string, number>> = { aws: {}, gcp: {}, azure: {} };
    for (const e of entries) {
      const cloud = cloudOfCounter(e.target);
      perCloud[cloud] += e.count;
      ops[cloud][e.operation] = (ops[cloud][e.operation] ?? 0) + e.count;
    }
    const clusters = clustersPerCloud(opts.clusters);
    const perCluster = (cloud: Cloud, n: number) => round(n / Math.max(1, clusters[cloud]), 2);
    const operationsPerCluster = {
      aws: {} as Record<string, number>,
      gcp: {} as Record<string, number>,
      azure: {} as Record<string, number>,
    };
    for (const cloud of CLOUDS) {
      for (const [op, n] of Object.entries(ops[cloud]).sort()) {
        operationsPerCluster[cloud][op] = perCluster(cloud, n);
      }
    }
    const apiCalls = perCloud.aws + perCloud.gcp + perCloud.azure;
    const limited = calls.aws.calls + calls.gcp.calls + calls.azure.calls;
    const bound = lowerBound({
      latencyMs: opts.latencyMs,
      longestChain: chain.calls,
      calls: perCloud,
      callsInFlight: config.callsInFlight,
    });
    const wallSeconds = (logger.lastAudited - t0) / 1000;
    const findings = run.published.summary.findings.total;
    // Security Hub takes only differences, and open findings again before they expire.
    const open = Object.values(run.published.summary.findings.byCloud).reduce(
      (n, byStatus) => n + byStatus.fail + byStatus.unknown,
      0,
    );
    const steadyHubEvents = open / DEFAULT_REFRESH_AFTER_DAYS;
    const targetCount = run.discovered.targets.length;

    // Lambda: each target's audit waits on its calls (at most its calls ÷ its cloud's limit ×
    // latency, the same sum as the bound's) and computes (this run's CPU, publish included);
    // publish's seconds are counted again at publish's memory (an upper bound).
    const waitSeconds = Object.values(bound.callsSeconds).reduce((a, b) => a + b, 0);
    const gb = (mb: number) => mb / 1024;
    const publishSeconds = (t1 - logger.lastAudited) / 1000;
    const cost = estimateCost(
      {
        clusters: opts.clusters,
        lambdaGbSeconds:
          (waitSeconds + cpuSeconds) * gb(FUNCTION_MEMORY_MB.auditTarget) +
          publishSeconds * gb(FUNCTION_MEMORY_MB.publish),
        lambdaInvocations: targetCount + 2,
        // Discover, KeepKeys, the Map, Publish, Done; per item its child execution's task and
        // the Map's own bookkeeping transition.
        stateTransitions: 5 + 2 * targetCount,
        // The Map's ItemReader reads its items once; its ResultWriter writes a manifest and
        // result files (about 3 writes).
        s3Writes: store.counts.puts + store.counts.lists + 3,
        s3Reads: store.counts.gets + 1,
        securityHubEvents: steadyHubEvents,
      },
      [
        `Lambda: audit-target ${FUNCTION_MEMORY_MB.auditTarget} MB, publish ${FUNCTION_MEMORY_MB.publish} MB (infra/function-memory.ts); GB-s = (Σ per cloud (calls × latency ÷ calls in flight) + the run’s CPU seconds) × audit-target GB + publish seconds × publish GB`,
        'Step Functions (Standard): 5 transitions per run + 2 per target',
        `S3: the run's store requests (${store.counts.puts} PUT, ${store.counts.gets} GET, ${store.counts.lists} LIST) + the Map's item read and result writes`,
        `Security Hub: a steady day imports what changed (nothing in this estate) and the open (failed or unknown) findings once every ${DEFAULT_REFRESH_AFTER_DAYS} days: ${open} open ÷ ${DEFAULT_REFRESH_AFTER_DAYS}; the first day imports every finding once (${findings}, $${(findings * (1000 / opts.clusters) * PRICES.securityHubIngestionEvent).toFixed(2)} per 1,000 clusters)`,
      ],
    );
    const parts = run.discovered.targets.filter((t) => t.part !== undefined);

    // The same run published again alone, as the publish Lambda would (import on with
    // --security-hub); then, with it, the same estate a day later: mostly unchanged findings.
    const where = { sandbox, storeDir, dir, ...(opts.securityHub ? { hubConfig } : {}) };
    const day1 = new Date();
    const alone = [await publishAlone(1, run.discovered.run, day1, where)];
    if (opts.securityHub) {
      const day2 = new Date(day1.getTime() + DAY_MS);
      const next: RunRef = {
        runId: `${run.discovered.run.runId}-next`.slice(-80),
        date: day2.toISOString().slice(0, 10),
      };
      // Fresh collectors: one run's shared objects are not the next one's.
      await runLocal(
        config,
        {
          store,
          collectors: sandboxCollectors(sandbox.url, calls, config.aws),
          checks: ALL_CHECKS,
          clock: () => new Date(Date.now() + DAY_MS),
          logger: phaseLogger(),
          ...(opts.listing ? sandboxListers(sandbox.url, calls, config.aws) : {}),
        },
        next,
      );
      if (opts.historyDays > 0) {
        await linkHistory(storeDir, run.discovered.run, next.date, opts.historyDays);
      }
      alone.push(await publishAlone(2, next, day2, where));
    }

    return {
      clusters: opts.clusters,
      scopes: targets.length,
      emptyScopes: run.discovered.emptyScopes?.length ?? 0,
      split: {
        scopes: new Set(parts.map(scopeLabel)).size,
        parts: parts.length,
      },
      listing: opts.listing,
      coldTargets: opts.coldTargets,
      ...(opts.securityHub ? { historyDays: Math.max(2, opts.historyDays) } : {}),
      targets: targetCount,
      latencyMs: opts.latencyMs,
      apiCalls,
      callsPerCluster: {
        aws: perCluster('aws', perCloud.aws),
        gcp: perCluster('gcp', perCloud.gcp),
        azure: perCluster('azure', perCloud.azure),
      },
      wallSeconds: round(wallSeconds),
      lowerBoundSeconds: round(bound.seconds),
      ratio: round(wallSeconds / bound.seconds),
      peakRssMb: round(logger.auditRssMb, 1),
      publish: {
        seconds: round((t1 - logger.lastAudited) / 1000),
        peakRssMb: round(publishPeakRssMb, 1),
      },
      publishAlone: alone,
      totalSeconds: round((t1 - t0) / 1000),
      findings,
      targetStatus: targetStatusSummary(run.results, targetCount),
      concurrency: { targetsPerCloud: config.concurrency, callsInFlight: config.callsInFlight },
      longestChain: chain,
      lowerBound: {
        chainSeconds: round(bound.chainSeconds),
        callsSeconds: {
          aws: round(bound.callsSeconds.aws),
          gcp: round(bound.callsSeconds.gcp),
          azure: round(bound.callsSeconds.azure),
        },
        seconds: round(bound.seconds),
      },
      cpuSeconds: round(cpuSeconds),
      slots: Object.fromEntries(
        CLOUDS.map((cloud) => {
          const t = held[cloud];
          const span = Math.max(1, t.last - t.first);
          return [
            cloud,
            {
              // Latency plus whatever delays the answer in this process (a busy event loop).
              meanCallMs: round(t.heldMs / Math.max(1, t.calls), 1),
              busySeconds: round(span / 1000),
              // Mean calls in flight ÷ the limit while the cloud had calls to make.
              utilization: round(t.heldMs / (span * config.callsInFlight[cloud])),
            },
          ];
        }),
      ) as BenchResult['slots'],
      operationsPerCluster,
      unlimitedCalls: apiCalls - limited,
      cost,
    };
  } finally {
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
