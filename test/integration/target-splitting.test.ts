import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import { type Target, targetLabel } from '../../core/target';
import { createFsStore } from '../../outputs/fs-store';
import { keys } from '../../pipeline/keys';
import { parseRunConfig } from '../../pipeline/run-config';
import { type LocalRunOutput, runLocal } from '../../pipeline/run-local';
import type { ObjectStore } from '../../pipeline/types';
import { createEksClusterLister } from '../../providers/aws/cluster-discovery';
import { createAwsCollector } from '../../providers/aws/collector';
import { createAzureCollector } from '../../providers/azure/collector';
import { listAzureClusters } from '../../providers/azure/discovery';
import { createGcpCollector } from '../../providers/gcp/collector';
import { createGcpDiscovery } from '../../providers/gcp/discovery';
import { awsClientConfig, fakeAzureCredential, fakeGoogleAuthClient } from '../../sandbox/clients';
import { loadEstate, parseEstate } from '../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { syntheticEstate } from '../../sandbox/synthetic-estate';
import { clock, RUN, recordingLogger } from '../helpers/pipeline-fakes';

/** Synthetic accounts are 9000000000NN; the first is the caller's own. */
const OWN = '900000000001';
const DENIED = '900000000002';
const BIG = 'eu-west-1';
const EMPTY = 'us-east-1';
const PROJECT = 'bench-project-001';
const SUB = '00000000-0000-4000-8000-000000000001';

/**
 * Account OWN: 60 EKS clusters in eu-west-1, none in us-east-1. Account DENIED: 60 clusters
 * per region, but its member role cannot be assumed. A GKE project and an AKS subscription
 * (ARM pages of 25) with 60 clusters each.
 */
function estate() {
  const input = syntheticEstate(loadEstate(SAMPLE_ESTATE_FILE), {
    aws: { accounts: 2, regions: [BIG, EMPTY], clustersPerRegion: 60 },
    gcp: { projects: 1, clustersPerProject: 60 },
    azure: { subscriptions: 1, clustersPerSubscription: 60, pageSize: 25 },
  });
  const empty = input.aws?.accounts[OWN]?.regions?.[EMPTY];
  if (empty) empty.clusters = [];
  input.faults = [{ kind: 'access-denied', operation: 'sts:AssumeRole', target: DENIED }];
  return parseEstate(input, 'the splitting estate');
}

let sb: Sandbox;
let run: LocalRunOutput;
let logger: ReturnType<typeof recordingLogger>;
let store: ObjectStore;
let dir: string;

beforeAll(async () => {
  sb = await startSandbox({ estate: estate() });
  const url = sb.url;
  const { credentials } = awsClientConfig(url);
  const assumeRole = { roleName: 'mk8s-audit-read' };
  const config = parseRunConfig({
    aws: { accounts: [OWN, DENIED], regions: [BIG, EMPTY] },
    gcp: { projects: [PROJECT] },
    azure: { subscriptions: [SUB] },
    maxClustersPerTarget: 25,
  });
  const eks = createEksClusterLister({
    region: 'us-east-1',
    endpoint: url,
    credentials,
    maxAttempts: 1,
    assumeRole,
  });
  const gke = createGcpDiscovery({ endpoint: url, authClient: fakeGoogleAuthClient() });
  dir = await mkdtemp(join(tmpdir(), 'mk8s-split-'));
  store = createFsStore(dir);
  logger = recordingLogger();
  run = await runLocal(
    config,
    {
      store,
      clock,
      logger,
      checks: ALL_CHECKS,
      // The production collectors and listers, over HTTP to the sandbox.
      collectors: {
        aws: createAwsCollector({ endpoint: url, credentials, assumeRole, maxAttempts: 1 }),
        gcp: createGcpCollector({ endpoint: url, authClient: fakeGoogleAuthClient() }),
        azure: createAzureCollector({ endpoint: url, credential: fakeAzureCredential }),
      },
      aws: { listClusters: (account, region) => eks.listClusters(account, region) },
      gcp: { listClusters: (project) => gke.listClusters(project) },
      azure: {
        listClusters: (subscription) =>
          listAzureClusters(subscription, { endpoint: url, credential: fakeAzureCredential }),
      },
    },
    RUN,
  );
}, 120_000);
afterAll(async () => {
  await sb.stop();
  await rm(dir, { recursive: true, force: true });
});

const labels = () => run.discovered.targets.map(targetLabel);
const resultOf = (label: string) => run.results.find((r) => targetLabel(r.target) === label);

describe('discover lists every scope and splits the large ones (real SDK clients, sandbox)', () => {
  it('makes no target for a region without clusters, and records it as an empty scope', () => {
    expect(labels()).not.toContain(`aws:${OWN}/${EMPTY}`);
    expect(run.discovered.emptyScopes).toEqual([`aws:${OWN}/${EMPTY}`]);
  });

  it('splits 60 clusters at 25 into 3 targets of 20 for each cloud', () => {
    expect(labels()).toEqual([
      `aws:${OWN}/${BIG}#1of3`,
      `aws:${OWN}/${BIG}#2of3`,
      `aws:${OWN}/${BIG}#3of3`,
      `aws:${DENIED}/${BIG}`,
      `aws:${DENIED}/${EMPTY}`,
      `gcp:${PROJECT}#1of3`,
      `gcp:${PROJECT}#2of3`,
      `gcp:${PROJECT}#3of3`,
      `azure:${SUB}#1of3`,
      `azure:${SUB}#2of3`,
      `azure:${SUB}#3of3`,
    ]);
    for (const t of run.discovered.targets.filter((t) => t.part !== undefined)) {
      expect(t.clusters).toHaveLength(20);
    }
  });

  it('audits each of the 60 clusters exactly once, and lists each scope once (in discover)', () => {
    for (const scope of [`aws:${OWN}/${BIG}`, `gcp:${PROJECT}`, `azure:${SUB}`]) {
      const parts = run.results.filter((r) => targetLabel(r.target).startsWith(`${scope}#`));
      // (The synthetic GKE project lacks its subnetworks: partial, never a listing error.)
      expect(parts.map((r) => [r.status === 'failed', r.clusters])).toEqual([
        [false, 20],
        [false, 20],
        [false, 20],
      ]);
      expect(
        parts
          .flatMap((r) => r.errors)
          .filter((e) => /List(Clusters|ManagedClusters)|clusters\.list/.test(e.operation)),
      ).toEqual([]);
    }
    const eksNames = run.results
      .filter((r) => r.target.cloud === 'aws' && r.target.account === OWN)
      .flatMap((r) => r.target.clusters ?? []);
    expect(new Set(eksNames).size).toBe(60);
    expect(sb.counters.get('eks:DescribeCluster', `${OWN}/${BIG}`)).toBe(60);
    // One ListClusters per region of the own account, both in discover; none in the audits.
    expect(sb.counters.get('eks:ListClusters', OWN)).toBe(2);
    expect(sb.counters.get('container:ListClusters', PROJECT)).toBe(1);
    // The 60 AKS clusters in ARM pages of 25: three calls, all in discover.
    expect(sb.counters.get('containerservice:ListManagedClusters', SUB)).toBe(3);
  });

  it('hands the listed GKE and AKS objects to the audits, stored next to each part', async () => {
    for (const target of run.discovered.targets.filter((t) => t.cloud !== 'aws')) {
      const listed = JSON.parse((await store.get(keys.listed(RUN, target))) ?? 'null') as {
        clusters: { id?: string; name?: string; location?: string }[];
      };
      // GKE keys are `location/name`, AKS keys `resourceGroup/name`.
      expect(listed.clusters.map((c) => c.name)).toEqual(
        target.clusters?.map((k) => k.split('/').pop()),
      );
    }
    // EKS names are all its audit needs.
    const eksPart = run.discovered.targets[0] as Target;
    expect(await store.get(keys.listed(RUN, eksPart))).toBeUndefined();
    const gkeSnapshots = run.results
      .filter((r) => r.target.cloud === 'gcp')
      .reduce((n, r) => n + r.clusters, 0);
    expect(gkeSnapshots).toBe(60);
  });

  it('keeps a scope it cannot list as one target, whose audit reports the denial', () => {
    expect(run.discovered.targets.find((t) => targetLabel(t) === `aws:${DENIED}/${BIG}`)).toEqual({
      cloud: 'aws',
      account: DENIED,
      region: BIG,
    });
    const denied = resultOf(`aws:${DENIED}/${BIG}`);
    expect(denied?.status).toBe('failed');
    expect(denied?.errors[0]).toMatchObject({ operation: 'sts:AssumeRole', code: 'AccessDenied' });
    expect(logger.lines.filter((l) => l.message.startsWith('Could not list'))).toHaveLength(2);
    // Discover tried the account's role once, not once per region; each audit once more.
    expect(sb.counters.get('sts:AssumeRole', DENIED)).toBe(3);
    expect(run.discovered.errors).toBeUndefined();
  });

  it('publishes every part as a target of its own', () => {
    const summary = run.published.summary;
    // Every part ok, the two denied whole-scope targets failed: 11 targets, 9 audited.
    expect(summary.targets.byStatus).toEqual({ ok: 9, partial: 0, failed: 2 });
  });
});
