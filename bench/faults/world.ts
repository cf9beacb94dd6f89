import { S3Client } from '@aws-sdk/client-s3';
import { SecurityHubClient } from '@aws-sdk/client-securityhub';
import { ALL_CHECKS } from '../../checks/index';
import { runConfigForEstate } from '../../cli/estate-run-config';
import type { Collector } from '../../core/collector';
import type { Finding } from '../../core/finding';
import { type Logger, silentLogger } from '../../core/logger';
import type { Cloud } from '../../core/provider';
import { awsPartition } from '../../outputs/asff';
import { parseFindingsJson } from '../../outputs/findings-json';
import { createS3Store } from '../../outputs/s3-store';
import type { RunConfig } from '../../pipeline/run-config';
import { type LocalRunOutput, runLocal } from '../../pipeline/run-local';
import { newRunRef } from '../../pipeline/run-ref';
import type { ObjectStore } from '../../pipeline/types';
import { type CallerIdentity, callerIdentity } from '../../providers/aws/caller-identity';
import { createAwsCollector } from '../../providers/aws/collector';
import { createAzureCollector } from '../../providers/azure/collector';
import { createGcpCollector } from '../../providers/gcp/collector';
import type { StoredFinding } from '../../sandbox/aws/securityhub-store';
import {
  awsClientConfig,
  fakeAzureCredential,
  fakeGoogleAuthClient,
  stsClient,
} from '../../sandbox/clients';
import { type Estate, loadEstate } from '../../sandbox/estate';
import { type LocalS3Sandbox, startS3 } from '../../sandbox/s3';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { type S3FaultProxy, startS3FaultProxy } from './s3-fault-proxy';

const BUCKET = 'mk8s-audit-findings';
const SECURITY_HUB_REGION = 'us-east-1';
/** Nothing listens on port 2 of loopback (1 is on fetch's blocked-port list): an unreachable cloud. */
const UNREACHABLE = 'http://127.0.0.1:2';

/**
 * One estate served by the sandbox cloud, a local S3 behind a fault proxy, and the run
 * configuration a user of that estate would write: the world a fault scenario runs in. The
 * pipeline is wired exactly as `npm start` wires it (real SDK clients over HTTP).
 */
export interface World {
  estate: Estate;
  sandbox: Sandbox;
  s3: LocalS3Sandbox;
  proxy: S3FaultProxy;
  store: ObjectStore;
  config: RunConfig;
  /** The caller's identity: the account Security Hub findings are imported into. */
  me: CallerIdentity;
  logger: Logger;
  stop(): Promise<void>;
}

export interface RunOptions {
  /** The run's clock (its date is the run's day). */
  at: Date;
  /** This cloud's APIs cannot be reached at all (connection refused). */
  unreachable?: Cloud;
  /** One target's audit deadline, as the deployed step's Lambda timeout. */
  targetTimeoutMs?: number;
}

export interface DayRun {
  output: LocalRunOutput;
  /** The run's `findings.json`. */
  findings: Finding[];
}

export async function startWorld(
  estateFile: string,
  logger: Logger = silentLogger,
): Promise<World> {
  const estate = loadEstate(estateFile);
  const sandbox = await startSandbox({ estate });
  const s3 = await startS3({ buckets: [BUCKET] });
  const proxy = await startS3FaultProxy(s3.url);
  const s3Client = new S3Client({ ...s3.clientConfig, endpoint: proxy.url });
  const sts = stsClient(sandbox.url);
  const me = await callerIdentity(sts).finally(() => sts.destroy());
  return {
    me,
    estate,
    sandbox,
    s3,
    proxy,
    store: createS3Store({ client: s3Client, bucket: BUCKET }),
    config: runConfigForEstate(estate, SECURITY_HUB_REGION),
    logger,
    async stop() {
      s3Client.destroy();
      await proxy.stop();
      await s3.stop();
      await sandbox.stop();
    },
  };
}

function collectors(world: World, opts: RunOptions): Partial<Record<Cloud, Collector>> {
  const endpoint = (cloud: Cloud) => (opts.unreachable === cloud ? UNREACHABLE : world.sandbox.url);
  const now = () => opts.at;
  const { credentials } = awsClientConfig(world.sandbox.url);
  return {
    aws: createAwsCollector({
      endpoint: endpoint('aws'),
      credentials,
      now,
      assumeRole: {
        roleName: world.config.aws.memberRoleName,
        ...(world.config.aws.externalId ? { externalId: world.config.aws.externalId } : {}),
      },
    }),
    gcp: createGcpCollector({ endpoint: endpoint('gcp'), authClient: fakeGoogleAuthClient(), now }),
    azure: createAzureCollector({
      endpoint: endpoint('azure'),
      credential: fakeAzureCredential,
      now,
    }),
  };
}

/** One whole run (discover → audit every target → publish) at `opts.at`. */
export async function runDay(world: World, opts: RunOptions): Promise<DayRun> {
  const { me } = world;
  // As the deployed publish function builds it (functions/publish/index.ts).
  const hub = new SecurityHubClient({
    ...awsClientConfig(world.sandbox.url, { region: SECURITY_HUB_REGION, maxAttempts: 8 }),
    retryMode: 'adaptive',
  });
  try {
    const output = await runLocal(
      world.config,
      {
        store: world.store,
        collectors: collectors(world, opts),
        checks: ALL_CHECKS,
        clock: () => opts.at,
        logger: world.logger,
        securityHub: {
          client: hub,
          account: me.account,
          region: SECURITY_HUB_REGION,
          partition: awsPartition(me.partition) ?? 'aws',
        },
        ...(opts.targetTimeoutMs === undefined ? {} : { targetTimeoutMs: opts.targetTimeoutMs }),
      },
      newRunRef(opts.at),
    );
    const key = output.published.findingsKey;
    const findings = parseFindingsJson((await world.store.get(key)) ?? '[]', key);
    return { output, findings };
  } finally {
    hub.destroy();
  }
}

/** What the sandbox's Security Hub holds now (a copy). */
export function securityHubState(world: World): StoredFinding[] {
  return world.sandbox.securityHub.all().map((f) => structuredClone(f));
}
