import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../core/finding';
import { findingId } from '../core/finding';
import { silentLogger } from '../core/logger';
import { type AsffContext, toAsff } from '../outputs/asff';
import { createFsStore } from '../outputs/fs-store';
import { targetOf } from '../outputs/securityhub-lifecycle';
import { planBatches } from '../outputs/securityhub-publisher';
import { syncSecurityHub } from '../pipeline/securityhub-sync';
import { securityHubClient } from '../sandbox/clients';
import { startSandbox } from '../sandbox/server';

/**
 * A steady-state estate of `findings` results over `days` simulated daily runs, with `changes`
 * results flipping status each day and a cluster replaced every `churnEvery` days, through the
 * real lifecycle and publisher into the sandbox's Security Hub. Compares the ingestion events
 * (Security Hub bills each accepted finding import) with a full daily resend of every finding.
 */
export interface SecurityHubBenchOptions {
  findings: number;
  days: number;
  changes: number;
  churnEvery: number;
  /** Share of results that fail (the rest pass). */
  failShare: number;
  seed: number;
}

const ACCOUNT = '111122223333';
const REGION = 'us-east-1';
const CHECKS_PER_CLUSTER = 50;
const DAY = 24 * 3600 * 1000;
const T0 = Date.parse('2026-11-01T03:00:00.000Z');

/** mulberry32: a reproducible stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function result(cluster: string, check: number, status: Finding['status']): Finding {
  const resourceId = `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${cluster}`;
  const checkId = `eks-bench-check-${String(check).padStart(3, '0')}`;
  return {
    id: findingId(checkId, resourceId),
    checkId,
    provider: 'eks',
    cloud: 'aws',
    resourceId,
    resourceName: cluster,
    account: ACCOUNT,
    region: REGION,
    status,
    severity: check % 5 === 0 ? 'high' : 'medium',
    title: `Control ${check} holds on the cluster`,
    message: `Cluster ${cluster}: control ${check} is ${status === 'pass' ? 'in place' : 'not in place'}.`,
    evidence: [{ path: `cluster.setting${check}`, value: status === 'pass' }],
    family: `bench-family-${check % 12}`,
    categories: ['control-plane'],
    remediation: { summary: `Turn on control ${check}.` },
    frameworks: { 'cis-eks-1.8.0': [`${1 + (check % 5)}.${check % 7}`] },
    source: { kind: 'api', collectedAt: new Date(T0).toISOString() },
  };
}

export async function runSecurityHubBench(opts: SecurityHubBenchOptions) {
  const rnd = random(opts.seed);
  const clusterCount = Math.max(1, Math.ceil(opts.findings / CHECKS_PER_CLUSTER));
  let nextCluster = 0;
  const newCluster = () => {
    const name = `bench-${String(nextCluster++).padStart(4, '0')}`;
    return Array.from({ length: CHECKS_PER_CLUSTER }, (_, i) =>
      result(name, i, rnd() < opts.failShare ? 'fail' : 'pass'),
    );
  };
  let estate: Finding[][] = Array.from({ length: clusterCount }, newCluster);
  // Trim the last cluster so the estate has exactly `findings` results.
  const extra = clusterCount * CHECKS_PER_CLUSTER - opts.findings;
  if (extra > 0) estate[estate.length - 1]?.splice(CHECKS_PER_CLUSTER - extra);

  const sandbox = await startSandbox({
    estate: {
      aws: { callerAccount: ACCOUNT, accounts: { [ACCOUNT]: { name: 'bench', regions: {} } } },
    },
  });
  const client = securityHubClient(sandbox.url, { region: REGION, maxAttempts: 8 });
  const dir = mkdtempSync(join(tmpdir(), 'mk8s-bench-securityhub-'));
  const store = createFsStore(dir);
  const target = targetOf({ cloud: 'aws', account: ACCOUNT, region: REGION });
  let fullResendEvents = 0;
  let fullResendCalls = 0;
  const started = performance.now();
  try {
    for (let d = 0; d < opts.days; d++) {
      const now = new Date(T0 + d * DAY);
      if (d > 0) {
        // A few results change status each day.
        for (let c = 0; c < opts.changes; c++) {
          const cluster = estate[Math.floor(rnd() * estate.length)] ?? [];
          const i = Math.floor(rnd() * cluster.length);
          const was = cluster[i];
          if (was)
            cluster[i] = result(was.resourceName, i, was.status === 'pass' ? 'fail' : 'pass');
        }
        // Now and then a cluster is deleted and another created.
        if (opts.churnEvery > 0 && d % opts.churnEvery === 0) {
          const size = estate[0]?.length ?? CHECKS_PER_CLUSTER;
          estate = [...estate.slice(1), newCluster().slice(0, size)];
        }
      }
      const findings = estate.flat();
      const { summary } = await syncSecurityHub(
        {
          run: { runId: `day-${d}`, date: now.toISOString().slice(0, 10) },
          findings: findings.map((finding) => ({ finding, target })),
          completeTargets: new Set([target]),
          now,
        },
        { client, account: ACCOUNT, region: REGION, partition: 'aws', mode: 'central' },
        store,
        silentLogger,
      );
      if (summary.failed > 0) throw new Error(`day ${d}: ${summary.failed} findings failed`);
      // What a full resend of every finding would have cost that day.
      const ctx: AsffContext = {
        account: ACCOUNT,
        region: REGION,
        partition: 'aws',
        observedAt: now,
      };
      fullResendEvents += findings.length;
      fullResendCalls += planBatches(findings.map((f) => toAsff(f, ctx))).batches.length;
    }
    // Security Hub ends up holding exactly the estate: each result with its last status, every
    // result of a deleted cluster archived.
    const current = new Map(estate.flat().map((f) => [f.id, f.status]));
    let wrong = 0;
    for (const f of sandbox.securityHub.all()) {
      const status = (f['Compliance'] as { Status?: string } | undefined)?.Status;
      const want = current.get(String(f['Id']));
      if (want === undefined) wrong += f['RecordState'] === 'ARCHIVED' ? 0 : 1;
      else if (f['RecordState'] !== 'ACTIVE' || status !== (want === 'pass' ? 'PASSED' : 'FAILED'))
        wrong += 1;
    }
    const ingestionEvents = sandbox.securityHub.events.length;
    return {
      benchmark: 'securityhub-lifecycle',
      findings: opts.findings,
      days: opts.days,
      changesPerDay: opts.changes,
      churnEveryDays: opts.churnEvery,
      failShare: opts.failShare,
      ingestionEvents,
      calls: sandbox.securityHub.imports.calls,
      fullResendEvents,
      fullResendCalls,
      ratio: Number((ingestionEvents / fullResendEvents).toFixed(4)),
      target: 1 / 7,
      wrongFindings: wrong,
      staleUpdates: sandbox.securityHub.events.filter((e) => e.effect === 'stale').length,
      seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    };
  } finally {
    client.destroy();
    await sandbox.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
