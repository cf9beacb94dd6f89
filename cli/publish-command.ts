import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { silentLogger } from '../core/logger';
import { awsPartition } from '../outputs/asff';
import { createFsStore } from '../outputs/fs-store';
import { createS3Store } from '../outputs/s3-store';
import { keys, runPrefix } from '../pipeline/keys';
import { planPublish, publish } from '../pipeline/publish';
import { parseRunConfig, type RunConfig } from '../pipeline/run-config';
import { securityHubDestination } from '../pipeline/securityhub-destination';
import type { ObjectStore, RunRef } from '../pipeline/types';
import { callerIdentity } from '../providers/aws/caller-identity';
import { commandLine } from './args';
import { type Command, EXIT, InputError, UsageError } from './command';
import { securityHubLine } from './run-summary-report';

const USAGE = `Usage:
  mk8s-audit publish (--bucket <name> | --dir <path>) [--run <id>] [--dry-run]
                     [--region <region>] [--mode owner-account|central] [--refresh-after-days <n>]
                     [--account <id>] [--endpoint <url>]

Runs the publish step of a stored run: merges its targets' findings, imports into Security Hub
only what changed since the last import (new, changed, now passing, archived, due for refresh;
the state is under state/securityhub/ beside the runs) and writes the run's reports.

  --bucket <name>            The findings bucket of a deployment (default AWS credentials).
  --dir <path>               A local copy of one (e.g. out/s3/mk8s-audit-findings after npm start).
  --run <id>                 The run (default: the latest under runs/).
  --dry-run                  Print what would be imported, and import and write nothing.
  --region <region>          The central Security Hub Region (default: AWS_REGION or us-east-1).
  --mode <mode>              owner-account (default: EKS findings into their cluster's account
                             through the member role) or central (all into this account).
  --refresh-after-days <n>   Re-send unchanged open findings after n days (default 7).
  --account <id>             The auditor account (default: sts:GetCallerIdentity).
  --endpoint <url>           One endpoint for every AWS call (a local sandbox).`;

/** The latest run under `runs/` (partitions sort by day, run ids by their start time). */
async function latestRun(store: ObjectStore): Promise<RunRef> {
  const summaries = (await store.list('runs/')).filter((k) => k.endsWith('/targets.json'));
  const refs = summaries
    .map((k) => /^runs\/date=([0-9-]+)\/run=([^/]+)\//.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ date: m[1] ?? '', runId: m[2] ?? '' }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.runId.localeCompare(b.runId));
  const last = refs.at(-1);
  if (!last) throw new InputError('the store holds no run (no runs/date=*/run=*/targets.json)');
  return last;
}

async function findRun(store: ObjectStore, runId: string): Promise<RunRef> {
  const key = (await store.list('runs/')).find((k) => k.endsWith(`/run=${runId}/targets.json`));
  const m = key ? /^runs\/date=([0-9-]+)\//.exec(key) : null;
  if (!m?.[1]) throw new InputError(`the store holds no run ${runId}`);
  return { runId, date: m[1] };
}

export async function runPublishCommand(argv: string[]): Promise<number> {
  const args = commandLine(argv, USAGE, {
    bucket: { type: 'string' },
    dir: { type: 'string' },
    run: { type: 'string' },
    'dry-run': { type: 'boolean' },
    region: { type: 'string' },
    mode: { type: 'string' },
    'refresh-after-days': { type: 'string' },
    account: { type: 'string' },
    endpoint: { type: 'string' },
  });
  if (args === undefined) return EXIT.ok;
  const { values } = args;
  if ((values.bucket === undefined) === (values.dir === undefined)) {
    throw new UsageError('give the run store: --bucket <name> or --dir <path>');
  }
  const region = values.region ?? process.env['AWS_REGION'] ?? 'us-east-1';
  const refresh = values['refresh-after-days'];
  let config: RunConfig;
  try {
    config = parseRunConfig(
      {
        securityHub: {
          enabled: true,
          region,
          ...(values.mode === undefined ? {} : { mode: values.mode }),
          ...(refresh === undefined ? {} : { refreshAfterDays: Number(refresh) }),
        },
      },
      'the command line (--region, --mode, --refresh-after-days)',
    );
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const endpoint = values.endpoint === undefined ? {} : { endpoint: values.endpoint };
  const s3 = values.bucket === undefined ? undefined : new S3Client({ region, ...endpoint });
  const store: ObjectStore =
    s3 && values.bucket !== undefined
      ? createS3Store({ client: s3, bucket: values.bucket })
      : createFsStore(values.dir ?? '.');
  const sts = new STSClient({ region, ...endpoint });
  try {
    const run =
      values.run === undefined ? await latestRun(store) : await findRun(store, values.run);
    const me =
      values.account === undefined
        ? await callerIdentity(sts)
        : { account: values.account, partition: 'aws' };
    const hub = securityHubDestination({
      config,
      account: me.account,
      partition: awsPartition(me.partition) ?? 'aws',
      region,
      clientConfig: endpoint,
      sts,
    });
    try {
      const deps = { store, clock: () => new Date(), logger: silentLogger, securityHub: hub };
      if (values['dry-run']) {
        const { summary, preview } = await planPublish({ run }, deps);
        const out = [`Run ${run.runId} (${keys.targets(run)}), dry run: nothing imported.`];
        out.push(securityHubLine(summary));
        for (const d of summary.destinations) {
          out.push(`  ${d.account}/${d.region}: ${d.submitted} finding(s)`);
        }
        for (const p of preview) out.push(`  ${p.kind.padEnd(9)} ${p.status.padEnd(13)} ${p.id}`);
        if (summary.submitted > preview.length) {
          out.push(`  ... and ${summary.submitted - preview.length} more`);
        }
        process.stdout.write(`${out.join('\n')}\n`);
        return EXIT.ok;
      }
      const published = await publish({ run }, deps);
      process.stdout.write(
        `Run ${run.runId} published (${runPrefix(run)}).\n${securityHubLine(published.summary.securityHub)}\n`,
      );
      return EXIT.ok;
    } finally {
      hub.destroy();
    }
  } finally {
    sts.destroy();
    s3?.destroy();
  }
}

export const publishCommand: Command = {
  name: 'publish',
  summary: 'import a stored run into Security Hub (only what changed; --dry-run to preview)',
  run: runPublishCommand,
};
