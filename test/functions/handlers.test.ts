import { Metrics } from '@aws-lambda-powertools/metrics';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import type { Target } from '../../core/target';
import { makeHandler as makeAuditTarget } from '../../functions/audit-target/handler';
import {
  type DiscoverStepOutput,
  makeHandler as makeDiscover,
} from '../../functions/discover/handler';
import { FAILED_TARGETS_METRIC, makeHandler as makePublish } from '../../functions/publish/handler';
import { InvalidInputError } from '../../functions/shared/invalid-input';
import type { MetricsSink } from '../../functions/shared/observability';
import { METRICS_NAMESPACE, POWERTOOLS_SERVICE } from '../../infra/constructs/auditor-function';
import { createS3Store } from '../../outputs/s3-store';
import { parseRunConfig } from '../../pipeline/run-config';
import type { ObjectStore } from '../../pipeline/types';
import { createAwsCollector } from '../../providers/aws/collector';
import { createAwsDiscovery } from '../../providers/aws/discovery';
import {
  AWS_AUDITOR_DISCOVERY_ACTIONS,
  awsCollectorActions,
  memberRoleActions,
} from '../../providers/aws/permissions';
import { awsClientConfig, securityHubClient } from '../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { type LocalS3, startLocalS3 } from '../helpers/s3rver';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from '../integration/sandbox/estates';

/** An account the estate does not have: assuming a role there is denied. */
const ACCOUNT_GONE = '999988887777';
const HUB_REGION = 'us-east-1';
const silent = { info() {}, warn() {}, error() {} };

/** Records metrics like Powertools does, flushed on publishStoredMetrics. */
function recorder(): MetricsSink & { published: Record<string, number>[] } {
  let pending: Record<string, number> = {};
  const published: Record<string, number>[] = [];
  return {
    published,
    addMetric(name, _unit, value) {
      pending[name] = value;
    },
    publishStoredMetrics() {
      published.push(pending);
      pending = {};
    },
  };
}

let sb: Sandbox;
let s3: LocalS3;
let store: ObjectStore;

beforeAll(async () => {
  sb = await startSandbox({ estate: awsEstate(3) });
  s3 = await startLocalS3('findings');
  store = createS3Store({ client: s3.client, bucket: s3.bucket });
}, 60_000);
afterAll(async () => {
  await s3?.stop();
  await sb?.stop();
});

async function read(client: S3Client, key: string): Promise<unknown> {
  const out = await client.send(new GetObjectCommand({ Bucket: 'findings', Key: key }));
  return JSON.parse((await out.Body?.transformToString()) ?? 'null');
}

describe('discover → audit-target (per Map item) → publish, in-process against the sandbox and s3rver', () => {
  const config = parseRunConfig({
    aws: { accounts: [ACCOUNT_A, ACCOUNT_B, ACCOUNT_GONE], regions: [REGION], externalId: 'ext-1' },
    securityHub: { enabled: true, region: HUB_REGION },
  });
  const clock = () => new Date('2026-11-28T03:00:05.000Z');
  let discovered: DiscoverStepOutput;
  let items: Target[];

  it('discover stores targets.json and the Map items, and returns only keys and counts', async () => {
    const metrics = recorder();
    const discover = makeDiscover({ config, store, logger: silent, metrics, clock });
    discovered = await discover({
      executionName: 'scheduled/run:1',
      startedAt: '2026-11-28T03:00:00.000Z',
      input: { trigger: 'schedule' },
    });
    expect(discovered).toEqual({
      run: { runId: '20261128T030000Z-scheduled_run_1', date: '2026-11-28' },
      targetsKey: 'runs/date=2026-11-28/run=20261128T030000Z-scheduled_run_1/targets.json',
      itemsKey: 'runs/date=2026-11-28/run=20261128T030000Z-scheduled_run_1/map-items.json',
      targets: 3,
      discoveryErrors: 0,
    });
    items = (await read(s3.client, discovered.itemsKey)) as Target[];
    // The ItemReader needs a JSON array: exactly the targets of targets.json.
    expect(items).toEqual(
      ((await read(s3.client, discovered.targetsKey)) as { targets: Target[] }).targets,
    );
    expect(items.map((t) => t.cloud === 'aws' && t.account)).toEqual([
      ACCOUNT_A,
      ACCOUNT_B,
      ACCOUNT_GONE,
    ]);
    expect(metrics.published).toEqual([{ TargetsDiscovered: 3, DiscoveryErrors: 0 }]);
  });

  it('audit-target audits each item it is given; a denied account is a failed target, not an error', async () => {
    const metrics = recorder();
    const auditTarget = makeAuditTarget({
      config,
      store,
      collectors: {
        aws: createAwsCollector({
          endpoint: sb.url,
          credentials: awsClientConfig(sb.url).credentials,
          assumeRole: { roleName: config.aws.memberRoleName, externalId: 'ext-1' },
        }),
      },
      checks: ALL_CHECKS,
      logger: silent,
      metrics,
      clock,
    });
    // What the ItemSelector passes: { run, target: $$.Map.Item.Value }. The last item is left
    // out, as if its Lambda had failed after every retry and the Map had caught it.
    const results = [];
    for (const target of items) {
      if (target.cloud === 'aws' && target.account === ACCOUNT_B) continue;
      results.push(await auditTarget({ run: discovered.run, target }));
    }
    expect(results).toEqual([
      {
        resultKey: `runs/date=2026-11-28/run=${discovered.run.runId}/targets/aws_111122223333_us-east-2/result.json`,
      },
      {
        resultKey: `runs/date=2026-11-28/run=${discovered.run.runId}/targets/aws_999988887777_us-east-2/result.json`,
      },
    ]);
    const [own, gone] = (await Promise.all(results.map((r) => read(s3.client, r.resultKey)))) as {
      status: string;
      clusters: number;
      errors: { operation: string; code: string }[];
    }[];
    expect(own).toMatchObject({ status: 'ok', clusters: 3 });
    expect(gone).toMatchObject({ status: 'failed', clusters: 0 });
    expect(gone?.errors[0]).toMatchObject({ code: 'AccessDenied' });
    expect(metrics.published[0]).toMatchObject({ ClustersAudited: 3, CollectionErrors: 0 });
    expect(metrics.published[0]?.['Findings']).toBeGreaterThan(0);
  });

  it('audit-target rejects an event that is not a Map item, naming the field, and writes nothing', async () => {
    const before = (await store.list('runs/')).length;
    const auditTarget = makeAuditTarget({
      config,
      store,
      collectors: {},
      checks: ALL_CHECKS,
      logger: silent,
      metrics: recorder(),
      clock,
    });
    const bad = auditTarget({
      run: discovered.run,
      target: { cloud: 'aws', account: '12', region: REGION },
    });
    await expect(bad).rejects.toThrow(InvalidInputError);
    await expect(bad).rejects.toThrow(
      /audit-target: invalid input event:\ntarget\.account: a 12-digit AWS account id/,
    );
    expect((await store.list('runs/')).length).toBe(before);
  });

  it('publish counts the missing result as a failed target, imports to Security Hub and emits FailedTargets', async () => {
    const written: string[] = [];
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    // Real Powertools Metrics, named like the stack names them, so the alarm's metric is this one.
    const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: POWERTOOLS_SERVICE });
    const hub = securityHubClient(sb.url, { region: HUB_REGION, maxAttempts: 2 });
    const publish = makePublish({
      store,
      logger: silent,
      metrics,
      clock,
      securityHub: async () => ({
        client: hub,
        account: ACCOUNT_A,
        region: HUB_REGION,
        partition: 'aws',
      }),
    });
    let out: Awaited<ReturnType<typeof publish>>;
    try {
      out = await publish({ run: discovered.run });
    } finally {
      stdout.mockRestore();
      hub.destroy();
    }
    expect(out).toMatchObject({
      run: discovered.run,
      findingsKey: `runs/date=2026-11-28/run=${discovered.run.runId}/findings.json`,
      summaryKey: `runs/date=2026-11-28/run=${discovered.run.runId}/run-summary.json`,
      targets: { ok: 1, partial: 0, failed: 2 },
    });
    expect(out.findings).toBeGreaterThan(0);
    expect(out.securityHub).toEqual({ imported: out.findings, failed: 0 });
    expect(sb.securityHub.imports).toMatchObject({ success: out.findings, failed: 0 });
    // Every finding has its own id: none overwrote another in Security Hub.
    expect(sb.securityHub.size).toBe(out.findings);
    expect(JSON.stringify(out).length).toBeLessThan(2_000);

    const emf = written
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((l) => '_aws' in l);
    expect(emf).toMatchObject({
      _aws: { CloudWatchMetrics: [{ Namespace: 'mk8s-audit', Dimensions: [['service']] }] },
      service: 'mk8s-audit',
      [FAILED_TARGETS_METRIC]: 2,
      Targets: 3,
    });
  });

  it('discover finds the organization accounts and their enabled regions over the real clients', async () => {
    const discovery = createAwsDiscovery({
      region: REGION,
      endpoint: sb.url,
      credentials: awsClientConfig(sb.url).credentials,
      assumeRole: { roleName: 'mk8s-audit-read', externalId: 'ext-1' },
    });
    const discover = makeDiscover({
      config: parseRunConfig({ aws: { organization: true, allEnabledRegions: true } }),
      store,
      logger: silent,
      metrics: recorder(),
      clock,
      aws: {
        listOrganizationAccounts: () => discovery.listOrganizationAccounts(),
        listEnabledRegions: (account) => discovery.listEnabledRegions(account),
      },
    });
    const out = await discover({ executionName: 'by-hand', startedAt: '2026-11-28T09:15:00Z' });
    const targets = (await read(s3.client, out.itemsKey)) as Target[];
    expect(targets).toContainEqual({ cloud: 'aws', account: ACCOUNT_B, region: 'eu-west-1' });
    expect(targets.some((t) => t.cloud === 'aws' && t.account === ACCOUNT_A)).toBe(true);
    expect(out.discoveryErrors).toBe(0);
    expect(sb.counters.get('organizations:ListAccounts')).toBeGreaterThan(0);
    expect(sb.counters.get('account:ListRegions', ACCOUNT_B)).toBeGreaterThan(0);
  });

  it('made only AWS calls that the IAM policies grant', () => {
    const granted = new Set([
      ...memberRoleActions(),
      ...awsCollectorActions(),
      ...AWS_AUDITOR_DISCOVERY_ACTIONS,
      'sts:AssumeRole',
      'securityhub:BatchImportFindings',
      // Needs no permission (STS API reference: "No permissions are required").
      'sts:GetCallerIdentity',
    ]);
    const called = Object.keys(sb.counters.byOperation());
    expect(called).toContain('eks:DescribeCluster');
    expect(called.filter((op) => !granted.has(op))).toEqual([]);
  });
});
