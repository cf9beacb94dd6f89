import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { sandboxSecurityHub } from '../cli/sandbox-wiring';
import { silentLogger } from '../core/logger';
import { createFsStore } from '../outputs/fs-store';
import { publish } from '../pipeline/publish';
import { parseRunConfig } from '../pipeline/run-config';
import type { SecurityHubRunSummary } from '../pipeline/securityhub-sync';
import { RunRef } from '../pipeline/types';

/**
 * The publish step of a finished run, alone in a fresh process of the benchmark's own bundle
 * (`bench/main.ts --publish-child <job.json>`), as the publish Lambda runs it: its memory is its
 * own, not what the audits left in the benchmark's heap.
 */

export const PublishJob = z.strictObject({
  /** The fs store's folder holding the run. */
  storeDir: z.string().min(1),
  run: RunRef,
  /** Publish's clock (ISO time). */
  now: z.iso.datetime(),
  /** Present: Security Hub import on, against the sandbox at `sandboxUrl`. */
  securityHub: z
    .strictObject({
      sandboxUrl: z.url(),
      /** The run configuration (its `securityHub` and `aws` settings are used). */
      config: z.unknown(),
    })
    .optional(),
});
export type PublishJob = z.infer<typeof PublishJob>;

export interface PublishMeasure {
  seconds: number;
  /** The child process's peak RSS (the kernel's max RSS): Node, the bundle and publish. */
  peakRssMb: number;
  /** The peak of the V8 heap in use, sampled every 10 ms. */
  peakHeapMb: number;
  /** RSS before publish began (Node and the loaded bundle): the floor under `peakRssMb`. */
  startRssMb: number;
  findings: number;
  securityHub?: SecurityHubRunSummary;
}

const MeasureLine = z.object({
  seconds: z.number(),
  peakRssMb: z.number(),
  peakHeapMb: z.number(),
  startRssMb: z.number(),
  findings: z.number(),
  securityHub: z.record(z.string(), z.unknown()).optional(),
});

/** The child's answer: the last line of its standard output that is a JSON measure. */
export function parsePublishMeasure(stdout: string): PublishMeasure {
  const lines = stdout.trim().split('\n').reverse();
  for (const line of lines) {
    if (!line.startsWith('{')) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      continue;
    }
    const parsed = MeasureLine.safeParse(json);
    if (!parsed.success) continue;
    const { securityHub, ...rest } = parsed.data;
    return {
      ...rest,
      ...(securityHub ? { securityHub: securityHub as unknown as SecurityHubRunSummary } : {}),
    };
  }
  throw new Error(
    `the publish child printed no measure line; its output ended with: ${stdout.slice(-500)}`,
  );
}

/** In the child: publishes the job's run, then prints one JSON measure line. */
export async function runPublishJob(jobFile: string): Promise<void> {
  const parsed = PublishJob.safeParse(JSON.parse(readFileSync(jobFile, 'utf8')));
  if (!parsed.success) throw new Error(`${jobFile} is not a publish job: ${parsed.error.message}`);
  const job = parsed.data;
  let peakHeap = 0;
  const startRss = process.memoryUsage.rss();
  const sample = () => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  };
  const sampler = setInterval(sample, 10);
  const store = createFsStore(job.storeDir);
  const now = new Date(job.now);
  let hub: Awaited<ReturnType<typeof sandboxSecurityHub>> | undefined;
  try {
    const t0 = performance.now();
    if (job.securityHub) {
      const config = parseRunConfig(job.securityHub.config, `${jobFile} config`);
      hub = await sandboxSecurityHub(job.securityHub.sandboxUrl, config);
    }
    const out = await publish(
      { run: job.run },
      { store, clock: () => now, logger: silentLogger, ...(hub ? { securityHub: hub.hub } : {}) },
    );
    const t1 = performance.now();
    sample();
    const summaryHub = out.summary.securityHub;
    const measure: PublishMeasure = {
      seconds: (t1 - t0) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 2 ** 20,
      startRssMb: startRss / 2 ** 20,
      findings: out.summary.findings.total,
      ...(summaryHub.enabled ? { securityHub: summaryHub } : {}),
    };
    process.stdout.write(`${JSON.stringify(measure)}\n`);
  } finally {
    clearInterval(sampler);
    hub?.destroy();
  }
}

/**
 * In the benchmark: writes the job next to the store and publishes it in a fresh process of the
 * same program (the bundle `npm run bench` runs, or `bench/main.ts` under its loader).
 */
export function publishInChild(
  job: PublishJob,
  dir: string,
  name: string,
): Promise<PublishMeasure> {
  const jobFile = join(dir, `${name}.publish-job.json`);
  writeFileSync(jobFile, JSON.stringify(job));
  const main = process.argv[1];
  if (main === undefined) throw new Error('no program file to start the publish child with');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...process.execArgv, main, '--publish-child', jobFile],
      { maxBuffer: 16 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`the publish child failed: ${error.message}\n${stderr.slice(-2000)}`));
          return;
        }
        try {
          resolve(parsePublishMeasure(stdout));
        } catch (e) {
          reject(e);
        }
      },
    );
  });
}
