import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import { ALL_CHECKS } from '../checks/index';
import type { Collector } from '../core/collector';
import { type Logger, silentLogger } from '../core/logger';
import type { Cloud } from '../core/provider';
import { createS3Store } from '../outputs/s3-store';
import { runPrefix } from '../pipeline/keys';
import type { MutelistSource } from '../pipeline/mutelist-source';
import { runLocal } from '../pipeline/run-local';
import type { RunSummary } from '../pipeline/run-summary';
import type { CounterEntry } from '../sandbox/counters';
import { loadEstate } from '../sandbox/estate';
import { startS3 } from '../sandbox/s3';
import { startSandbox } from '../sandbox/server';
import { runConfigForEstate } from './estate-run-config';
import {
  callLimiters,
  SANDBOX_SECURITY_HUB_REGION,
  sandboxCollectors,
  sandboxListers,
  sandboxSecurityHub,
} from './sandbox-wiring';

/** The sample estate `npm start` serves. */
export const SAMPLE_ESTATE = join(import.meta.dirname, '..', 'sandbox', 'estates', 'sample.json');
export const FINDINGS_BUCKET = 'mk8s-audit-findings';

export interface StartOptions {
  estateFile: string;
  outDir: string;
  clock?: () => Date;
  logger?: Logger;
  /** Accepted risks publish marks muted (read and validated by the caller). */
  mutelist?: MutelistSource;
}

export interface StartResult {
  summary: RunSummary;
  findingsFile: string;
  summaryFile: string;
  /** The run's HTML report (a copy of the S3 object). */
  reportFile: string;
  /** Where every object of the run (snapshots, per-target findings...) was copied. */
  objectsDir: string;
  sandboxUrl: string;
  s3Url: string;
  /** Clouds that had no collector in this build (their targets are failed targets). */
  missingCollectors: Cloud[];
  /** The cloud API calls the sandbox served during the run, by operation and target. */
  apiCalls: CounterEntry[];
}

/**
 * `npm start`: the sandbox cloud serving an estate and s3rver on loopback, the real cluster
 * listers, collectors and Security Hub client pointed at them by endpoint options, the same
 * discover → audit → publish steps the Lambda functions run (discover lists each scope's
 * clusters, drops empty scopes and splits large ones), and the run's outputs copied to
 * `outDir`. Everything started here is stopped before it returns, whatever happened.
 */
export async function runStart(opts: StartOptions): Promise<StartResult> {
  const estate = loadEstate(opts.estateFile);
  const logger = opts.logger ?? silentLogger;
  const clock = opts.clock ?? (() => new Date());
  const sandbox = await startSandbox({ estate });
  try {
    const s3 = await startS3({ buckets: [FINDINGS_BUCKET] });
    const s3Client = new S3Client(s3.clientConfig);
    try {
      const config = runConfigForEstate(estate, SANDBOX_SECURITY_HUB_REGION);
      // One limiter per cloud, shared by discover's listing and the audits: each cloud's limit
      // holds for the whole run.
      const calls = callLimiters(config.callsInFlight);
      const collectors: Partial<Record<Cloud, Collector>> = sandboxCollectors(
        sandbox.url,
        calls,
        config.aws,
      );
      const missingCollectors = (['aws', 'gcp', 'azure'] as const).filter((c) => !collectors[c]);

      const hub = await sandboxSecurityHub(sandbox.url, config);
      const store = createS3Store({ client: s3Client, bucket: FINDINGS_BUCKET });
      try {
        const { published } = await runLocal(config, {
          store,
          collectors,
          ...sandboxListers(sandbox.url, calls, config.aws),
          checks: ALL_CHECKS,
          clock,
          logger,
          ...(opts.mutelist ? { mutelist: opts.mutelist } : {}),
          securityHub: hub.hub,
        });
        await mkdir(opts.outDir, { recursive: true });
        const objectsDir = join(opts.outDir, 's3', FINDINGS_BUCKET);
        const copied = await copyRun(store, runPrefix(published.run), objectsDir);
        const findingsFile = join(opts.outDir, 'findings.json');
        const summaryFile = join(opts.outDir, 'run-summary.json');
        await writeFile(findingsFile, copied.get(published.findingsKey) ?? '[]\n');
        await writeFile(summaryFile, copied.get(published.summaryKey) ?? '');
        const reportFile = join(opts.outDir, 'report.html');
        await writeFile(reportFile, copied.get(`${runPrefix(published.run)}report.html`) ?? '');
        return {
          summary: published.summary,
          findingsFile,
          summaryFile,
          reportFile,
          objectsDir,
          sandboxUrl: sandbox.url,
          s3Url: s3.url,
          missingCollectors,
          apiCalls: sandbox.counters.entries(),
        };
      } finally {
        hub.destroy();
      }
    } finally {
      s3Client.destroy();
      await s3.stop();
    }
  } finally {
    await sandbox.stop();
  }
}

/** Copies every object under `prefix` to `dir/<key>`; returns the texts by key. */
async function copyRun(
  store: ReturnType<typeof createS3Store>,
  prefix: string,
  dir: string,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const key of await store.list(prefix)) {
    const text = (await store.get(key)) ?? '';
    texts.set(key, text);
    const path = join(dir, key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  }
  return texts;
}
