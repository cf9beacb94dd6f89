import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { ListAccountsCommand } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand } from '@aws-sdk/client-sts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  aksClient,
  ec2Client,
  eksClient,
  gkeClient,
  iamClient,
  organizationsClient,
  stsClient,
} from '../../../sandbox/clients';
import type { EstateInput } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './estates';
import { gcpAzureEstate, PROJECT, SUB_1, SUB_2 } from './gcp-azure-estates';

function estate(): EstateInput {
  return { ...awsEstate(3), ...gcpAzureEstate(100) };
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: estate() });
});
afterAll(async () => {
  await sb.stop();
});
afterEach(() => {
  sb.faults.clear();
  sb.counters.reset();
});

const GKE_C = `projects/${PROJECT}/locations/us-central1-c/clusters/public`;

async function azureNames(sub: string): Promise<string[]> {
  const names: string[] = [];
  for await (const mc of aksClient(sb.url, sub).managedClusters.list()) names.push(mc.name ?? '');
  return names;
}

describe('throttling, in each protocol’s own error shape', () => {
  it('AWS rest-json: 429 ThrottlingException, which the SDK retries', async () => {
    sb.faults.add({ kind: 'throttle', operation: 'eks:ListClusters', times: 2 });
    const err = await eksClient(sb.url, { region: REGION })
      .send(new ListClustersCommand({}))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    const retrying = eksClient(sb.url, { region: REGION, maxAttempts: 3 });
    const out = await retrying.send(new ListClustersCommand({}));
    expect(out.clusters).toEqual(['c01', 'c02', 'c03']);
    expect(sb.counters.get('eks:ListClusters')).toBe(3); // 1 throttled + 1 throttled + 1 served
  });

  it('AWS query (IAM): Throttling; EC2: RequestLimitExceeded; JSON 1.1: ThrottlingException', async () => {
    sb.faults.add({ kind: 'throttle', operation: 'iam:*' });
    sb.faults.add({ kind: 'throttle', operation: 'ec2:DescribeRegions' });
    sb.faults.add({ kind: 'throttle', operation: 'organizations:ListAccounts' });
    await expect(
      iamClient(sb.url).send(new GetRoleCommand({ RoleName: 'x' })),
    ).rejects.toMatchObject({
      name: 'Throttling',
      message: 'Rate exceeded',
    });
    await expect(ec2Client(sb.url).send(new DescribeRegionsCommand({}))).rejects.toMatchObject({
      name: 'RequestLimitExceeded',
      $metadata: { httpStatusCode: 503 },
    });
    await expect(
      organizationsClient(sb.url).send(new ListAccountsCommand({})),
    ).rejects.toMatchObject({
      name: 'ThrottlingException',
    });
  });

  it('GCP: 429 RESOURCE_EXHAUSTED', async () => {
    sb.faults.add({ kind: 'throttle', operation: 'container:ListClusters', target: PROJECT });
    const res = await fetch(`${sb.url}/v1/projects/${PROJECT}/locations/-/clusters`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ error: { code: 429, status: 'RESOURCE_EXHAUSTED' } });
    await expect(
      gkeClient(sb.url).listClusters({ parent: `projects/${PROJECT}/locations/-` }),
    ).rejects.toMatchObject({
      code: 429,
    });
  });

  it('ARM: 429 with Retry-After, which the Azure SDK honours and retries', async () => {
    sb.faults.add({
      kind: 'throttle',
      operation: 'containerservice:*',
      times: 1,
      retryAfterSeconds: 0,
    });
    const res = await fetch(
      `${sb.url}/subscriptions/${SUB_2}/providers/Microsoft.ContainerService/managedClusters?api-version=2026-04-01`,
      {
        headers: { authorization: 'Bearer t' },
      },
    );
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('0');
    expect(await res.json()).toMatchObject({ error: { code: 'TooManyRequests' } });
    sb.faults.add({
      kind: 'throttle',
      operation: 'containerservice:*',
      times: 1,
      retryAfterSeconds: 0,
    });
    expect(await azureNames(SUB_1)).toHaveLength(5);
    expect(sb.counters.get('containerservice:ListManagedClusters', SUB_1)).toBe(2);
  });
});

describe('server errors', () => {
  it('AWS: 500 InternalFailure; GCP: 503 UNAVAILABLE; ARM: 500 InternalServerError', async () => {
    sb.faults.add({ kind: 'server-error', operation: 'eks:DescribeCluster' });
    sb.faults.add({ kind: 'server-error', operation: 'container:GetCluster', status: 503 });
    sb.faults.add({ kind: 'server-error', operation: 'containerservice:GetManagedCluster' });
    await expect(
      eksClient(sb.url, { region: REGION }).send(new DescribeClusterCommand({ name: 'c01' })),
    ).rejects.toMatchObject({ name: 'InternalFailure', $metadata: { httpStatusCode: 500 } });
    await expect(gkeClient(sb.url).getCluster({ name: GKE_C })).rejects.toMatchObject({
      code: 503,
    });
    const azure = aksClient(sb.url, SUB_1);
    azure.pipeline.removePolicy({ phase: 'Retry' });
    await expect(azure.managedClusters.get('rg1', 'aks-a')).rejects.toMatchObject({
      statusCode: 500,
      code: 'InternalServerError',
    });
  });
});

describe('access denied for one account, project or subscription', () => {
  it('AWS: AssumeRole into the denied account fails, the other account works', async () => {
    sb.faults.add({ kind: 'access-denied', target: ACCOUNT_B });
    const sts = stsClient(sb.url);
    await expect(
      sts.send(
        new AssumeRoleCommand({
          RoleArn: `arn:aws:iam::${ACCOUNT_B}:role/read`,
          RoleSessionName: 'audit',
        }),
      ),
    ).rejects.toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    const ok = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${ACCOUNT_A}:role/read`,
        RoleSessionName: 'audit',
      }),
    );
    expect(ok.Credentials?.AccessKeyId).toContain(ACCOUNT_A);
  });

  it('AWS rest-json: 403 AccessDeniedException naming the caller and the action', async () => {
    sb.faults.add({ kind: 'access-denied', target: ACCOUNT_A, operation: 'eks:*' });
    const err = await eksClient(sb.url, { region: REGION })
      .send(new ListClustersCommand({}))
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    expect((err as Error).message).toContain(
      `User: arn:aws:iam::${ACCOUNT_A}:user/sandbox-user is not authorized to perform: eks:ListClusters`,
    );
  });

  it('GCP: 403 PERMISSION_DENIED for the project; ARM: 403 AuthorizationFailed for one subscription only', async () => {
    sb.faults.add({ kind: 'access-denied', target: PROJECT });
    sb.faults.add({ kind: 'access-denied', target: SUB_1 });
    await expect(
      gkeClient(sb.url).listClusters({ parent: `projects/${PROJECT}/locations/-` }),
    ).rejects.toMatchObject({
      code: 403,
    });
    const iter = aksClient(sb.url, SUB_1).managedClusters.list();
    await expect(iter.next()).rejects.toMatchObject({
      statusCode: 403,
      code: 'AuthorizationFailed',
    });
    expect(await azureNames(SUB_2)).toEqual([]);
  });
});

describe('malformed bodies', () => {
  it('a cut-off body makes each SDK fail to parse the answer', async () => {
    sb.faults.add({ kind: 'malformed', operation: 'eks:DescribeCluster' });
    sb.faults.add({ kind: 'malformed', operation: 'iam:GetRole' });
    sb.faults.add({ kind: 'malformed', operation: 'container:GetCluster' });
    sb.faults.add({ kind: 'malformed', operation: 'containerservice:GetManagedCluster' });
    await expect(
      eksClient(sb.url, { region: REGION }).send(new DescribeClusterCommand({ name: 'c01' })),
    ).rejects.toThrow();
    await expect(
      iamClient(sb.url).send(new GetRoleCommand({ RoleName: 'Test-Role' })),
    ).rejects.toThrow();
    await expect(gkeClient(sb.url).getCluster({ name: GKE_C })).rejects.toThrow();
    await expect(aksClient(sb.url, SUB_1).managedClusters.get('rg1', 'aks-a')).rejects.toThrow();
    const res = await fetch(`${sb.url}/v1/${GKE_C}`, { headers: { authorization: 'Bearer t' } });
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
  });
});

describe('a cluster that disappears between list and describe', () => {
  it('is listed but every call about it answers not found, in each cloud', async () => {
    sb.faults.add({ kind: 'disappear', cluster: 'c02' });
    sb.faults.add({ kind: 'disappear', cluster: 'public' });
    sb.faults.add({ kind: 'disappear', cluster: 'aks-b' });
    const eks = eksClient(sb.url, { region: REGION });
    expect((await eks.send(new ListClustersCommand({}))).clusters).toContain('c02');
    await expect(eks.send(new DescribeClusterCommand({ name: 'c02' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'No cluster found for name: c02.',
    });
    expect((await eks.send(new DescribeClusterCommand({ name: 'c01' }))).cluster?.name).toBe('c01');
    const [list] = await gkeClient(sb.url).listClusters({
      parent: `projects/${PROJECT}/locations/-`,
    });
    expect(list.clusters?.map((c) => c.name)).toContain('public');
    await expect(gkeClient(sb.url).getCluster({ name: GKE_C })).rejects.toMatchObject({
      code: 404,
    });
    expect(await azureNames(SUB_1)).toContain('aks-b');
    await expect(
      aksClient(sb.url, SUB_1).managedClusters.get('rg1', 'aks-b'),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });
});

describe('latency, probability and rule management', () => {
  it('adds latency before answering', async () => {
    sb.faults.add({ kind: 'latency', operation: 'eks:ListClusters', latencyMs: 150 });
    const started = performance.now();
    await eksClient(sb.url, { region: REGION }).send(new ListClustersCommand({}));
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it('draws probability faults from the seed: the same seed repeats the same calls', async () => {
    const pattern = async (seed: number): Promise<boolean[]> => {
      const box = await startSandbox({
        estate: awsEstate(1),
        seed,
        faults: [{ kind: 'server-error', operation: 'eks:ListClusters', probability: 0.5 }],
      });
      const eks = eksClient(box.url, { region: REGION });
      const out: boolean[] = [];
      for (let i = 0; i < 16; i++) {
        out.push(
          await eks.send(new ListClustersCommand({})).then(
            () => true,
            () => false,
          ),
        );
      }
      await box.stop();
      return out;
    };
    const first = await pattern(7);
    expect(await pattern(7)).toEqual(first);
    expect(first).toContain(true);
    expect(first).toContain(false);
    expect(await pattern(8)).not.toEqual(first);
  });

  it('takes faults from the estate, and removes one rule by id', async () => {
    const box = await startSandbox({
      estate: {
        ...awsEstate(1),
        faults: [{ kind: 'access-denied', operation: 'eks:ListClusters' }],
      },
    });
    const eks = eksClient(box.url, { region: REGION });
    await expect(eks.send(new ListClustersCommand({}))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    const [rule] = box.faults.list();
    expect(rule?.seen).toBe(1);
    expect(box.faults.remove(rule?.id ?? '')).toBe(true);
    expect((await eks.send(new ListClustersCommand({}))).clusters).toEqual(['c01']);
    await box.stop();
  });

  it('refuses an invalid rule with a message naming the field', () => {
    expect(() => sb.faults.add({ kind: 'disappear' })).toThrow(/disappear fault names its cluster/);
  });
});
