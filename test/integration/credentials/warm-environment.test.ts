import { afterEach, describe, expect, it } from 'vitest';
import type { Target } from '../../../core/target';
import { keys } from '../../../pipeline/keys';
import type { RunConfigInput } from '../../../pipeline/run-config';
import type { ObjectStore, RunRef, TargetResult } from '../../../pipeline/types';
import { aksClusterKey } from '../../../providers/azure/aks-ref';
import { gkeClusterKey } from '../../../providers/gcp/gke-ref';
import { type EstateInput, loadEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { syntheticEstate } from '../../../sandbox/synthetic-estate';
import { RUN } from '../../helpers/pipeline-fakes';
import { aksEstate, SUB } from '../azure/aks-estate';
import { PROJECT } from '../gcp/estate';
import { auditTargetFunction } from './audit-target-harness';
import {
  AUDITOR_ACCOUNT,
  AWS_REGION,
  azureClientSecret,
  CLIENT,
  federationEstate,
  gcpWorkloadIdentity,
  TENANT,
} from './federation-estate';

/** Synthetic member accounts (syntheticEstate numbers them 9000000000NN). */
const A1 = '900000000001';
const A2 = '900000000002';
const OTHER_REGION = 'us-east-1';
const TTL = 10 * 60 * 1000;
const SECRET_ARN = `arn:aws:secretsmanager:${AWS_REGION}:${AUDITOR_ACCOUNT}:secret:mk8s-audit/azure-AbCdEf`;

/**
 * Two member accounts with two EKS clusters in each of two Regions (the sample cluster's IAM
 * roles, renamed into each account), the GKE project of the federation tests and the AKS
 * subscription with a client secret; the function runs in the auditor account.
 */
function estate(): EstateInput {
  const eks = syntheticEstate(loadEstate(SAMPLE_ESTATE_FILE), {
    aws: { accounts: 2, regions: [AWS_REGION, OTHER_REGION], clustersPerRegion: 2 },
  });
  const members = eks.aws?.accounts ?? {};
  const azure = aksEstate().azure as NonNullable<EstateInput['azure']>;
  return {
    ...eks,
    gcp: federationEstate().gcp,
    aws: {
      ...eks.aws,
      callerAccount: AUDITOR_ACCOUNT,
      accounts: { ...members, [AUDITOR_ACCOUNT]: { secrets: { [SECRET_ARN]: 'the-secret' } } },
    },
    azure: { ...azure, tenantId: TENANT, clientSecrets: { [CLIENT]: 'the-secret' } },
  };
}

const config = (url: string): RunConfigInput => ({
  aws: { accounts: [A1, A2], regions: [AWS_REGION, OTHER_REGION] },
  gcp: {
    projects: [PROJECT],
    credentials: gcpWorkloadIdentity(url),
  },
  azure: {
    subscriptions: [SUB],
    credentials: azureClientSecret(url, SECRET_ARN),
  },
});

/** `keys` split into two parts of one scope, as discover makes them. */
function parts(scope: Target, clusterKeys: string[]): [Target, Target] {
  const half = Math.ceil(clusterKeys.length / 2);
  return [
    { ...scope, clusters: clusterKeys.slice(0, half), part: { index: 1, count: 2 } },
    { ...scope, clusters: clusterKeys.slice(half), part: { index: 2, count: 2 } },
  ];
}

let sb: Sandbox | undefined;
afterEach(async () => {
  await sb?.stop();
  sb = undefined;
});

/**
 * One execution environment of the audit-target function (the handler made once, as at a cold
 * start) on a fresh sandbox, with a clock the test moves.
 */
async function environment() {
  sb = await startSandbox({ estate: estate() });
  const server = sb;
  let now = Date.parse('2026-03-01T06:00:00Z');
  const { handler, store } = await auditTargetFunction(server.url, config(server.url), {
    clock: () => new Date(now),
  });
  const audit = async (target: Target, run: RunRef = RUN): Promise<TargetResult> => {
    const { resultKey } = await handler({ run, target });
    const result = JSON.parse((await store.get(resultKey)) ?? 'null') as TargetResult;
    expect(result.status, JSON.stringify(result.errors)).not.toBe('failed');
    return result;
  };
  return {
    sb: server,
    store,
    audit,
    later: (ms: number) => {
      now += ms;
    },
  };
}

async function snapshotText(store: ObjectStore, target: Target): Promise<string> {
  const text = await store.get(keys.snapshot(RUN, target));
  if (text === undefined) throw new Error(`no snapshot for ${JSON.stringify(target)}`);
  return text;
}

describe('audit-target: a warm execution environment shares account- and Region-wide objects between its invocations (real handler, SDK clients, sandbox)', () => {
  it('EKS: two Regions and two parts of one account fetch its IAM objects once per run, and again after the TTL', async () => {
    const env = await environment();
    const { sb } = env;
    const iam = () => sb.counters.get('iam:*', A1);
    const [part1, part2] = parts({ cloud: 'aws', account: A1, region: AWS_REGION }, [
      'eks-0001',
      'eks-0002',
    ]);

    await env.audit(part1);
    const afterFirst = iam();
    expect(sb.counters.get('iam:ListRoles', A1)).toBe(1);
    expect(sb.counters.get('iam:GetRole', A1)).toBeGreaterThan(0);
    const versions = sb.counters.get('eks:DescribeClusterVersions', `${A1}/${AWS_REGION}`);
    expect(versions).toBeGreaterThan(0);

    // The other part of the same account+Region: no IAM call, no second catalog call.
    await env.audit(part2);
    // The account's other Region: IAM is global, so still none.
    await env.audit({ cloud: 'aws', account: A1, region: OTHER_REGION });
    expect(iam()).toBe(afterFirst);
    expect(sb.counters.get('iam:ListRoles', A1)).toBe(1);
    expect(sb.counters.get('iam:ListOpenIDConnectProviders', A1)).toBe(1);
    expect(sb.counters.get('eks:DescribeClusterVersions', `${A1}/${AWS_REGION}`)).toBe(versions);
    // Each invocation still made its own clients and credentials: one member-role session each.
    expect(sb.counters.get('sts:AssumeRole', A1)).toBe(3);

    // The next run, a minute later (e.g. after a fix): its own objects, none of the last run's.
    const next: RunRef = { runId: `${RUN.runId}-next`, date: RUN.date };
    env.later(60_000);
    await env.audit(part1, next);
    expect(sb.counters.get('iam:ListRoles', A1)).toBe(2);
    expect(iam()).toBe(2 * afterFirst);
    await env.audit(part2, next);
    expect(iam()).toBe(2 * afterFirst);

    // Within one run, past the entries' lifetime: asked again.
    env.later(TTL);
    await env.audit(part1, next);
    expect(sb.counters.get('iam:ListRoles', A1)).toBe(3);
    expect(iam()).toBe(3 * afterFirst);
  });

  it("EKS: another account's target asks for its own objects and never gets the first account's", async () => {
    const env = await environment();
    const { sb } = env;
    const first: Target = { cloud: 'aws', account: A1, region: AWS_REGION };
    const second: Target = { cloud: 'aws', account: A2, region: AWS_REGION };
    await env.audit(first);
    await env.audit(second);
    expect(sb.counters.get('iam:ListRoles', A1)).toBe(1);
    expect(sb.counters.get('iam:ListRoles', A2)).toBe(1);
    expect(sb.counters.get('iam:*', A2)).toBe(sb.counters.get('iam:*', A1));

    const a1 = await snapshotText(env.store, first);
    const a2 = await snapshotText(env.store, second);
    expect(a1).toContain(`arn:aws:iam::${A1}:role/`);
    expect(a2).toContain(`arn:aws:iam::${A2}:role/`);
    expect(a2).not.toContain(A1);
    expect(a1).not.toContain(A2);
  });

  it('GKE: two parts of one project fetch its project, IAM policy, firewalls, services and disks once', async () => {
    const env = await environment();
    const { sb } = env;
    const clusters = (sb.state.estate.gcp?.projects[PROJECT]?.clusters ?? []).map((c) =>
      gkeClusterKey(c.cluster),
    );
    expect(clusters.length).toBeGreaterThanOrEqual(2);
    const [part1, part2] = parts({ cloud: 'gcp', project: PROJECT }, clusters);
    await env.audit(part1);
    const shared = [
      'cloudresourcemanager:projects.get',
      'cloudresourcemanager:projects.getIamPolicy',
      'compute:firewalls.list',
      'compute:disks.aggregatedList',
      'serviceusage:services.get',
    ];
    const counts = () => shared.map((op) => sb.counters.get(op, PROJECT));
    expect(counts()).toEqual([1, 1, 1, 1, 1]);
    const r2 = await env.audit(part2);
    expect(r2.clusters).toBeGreaterThan(0);
    expect(counts()).toEqual([1, 1, 1, 1, 1]);
    // Per cluster: the second part's cluster asked for its own upgrade info.
    expect(sb.counters.get('container:FetchClusterUpgradeInfo', PROJECT)).toBe(clusters.length);
  });

  it('AKS: two parts of one subscription fetch its Defender plan and the Kubernetes versions once, and no role definition twice', async () => {
    const env = await environment();
    const { sb } = env;
    const clusters = (sb.state.estate.azure?.subscriptions[SUB]?.managedClusters ?? []).map((c) =>
      aksClusterKey(c.cluster),
    );
    expect(clusters.length).toBeGreaterThanOrEqual(2);
    const [part1, part2] = parts({ cloud: 'azure', subscription: SUB }, clusters);
    await env.audit(part1);
    const shared = [
      'security:Pricings.Get',
      'containerservice:ManagedClusters.ListKubernetesVersions',
      'authorization:RoleDefinitions.Get',
    ];
    const counts = () => shared.map((op) => sb.counters.get(op, SUB));
    const after1 = counts();
    expect(after1.every((n) => n > 0)).toBe(true);
    await env.audit(part2);
    const after2 = counts();
    // The same part in a fresh environment: what it needs when nothing is shared.
    const cold = await auditTargetFunction(sb.url, config(sb.url));
    await cold.handler({ run: RUN, target: part2 });
    const alone = counts().map((n, i) => n - (after2[i] ?? 0));
    const warm = after2.map((n, i) => n - (after1[i] ?? 0));
    // The plan and the location's versions: none in the warm environment, one alone.
    expect(warm.slice(0, 2)).toEqual([0, 0]);
    expect(alone.slice(0, 2)).toEqual([1, 1]);
    // Role definitions: only those the first part did not need (the subscription's Owner
    // assignment applies to every cluster).
    expect(warm[2]).toBeLessThan(alone[2] ?? 0);
  });

  it('a fresh environment (a cold start) shares nothing with the warm one', async () => {
    const env = await environment();
    const { sb } = env;
    await env.audit({ cloud: 'aws', account: A1, region: AWS_REGION });
    const cold = await auditTargetFunction(sb.url, config(sb.url));
    await cold.handler({ run: RUN, target: { cloud: 'aws', account: A1, region: OTHER_REGION } });
    expect(sb.counters.get('iam:ListRoles', A1)).toBe(2);
  });
});
