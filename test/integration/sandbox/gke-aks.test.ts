import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksClient, gkeClient } from '../../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { gcpAzureEstate, PROJECT, SUB_1, SUB_2 } from './gcp-azure-estates';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: gcpAzureEstate(2) });
});
afterAll(async () => {
  await sb.stop();
});

describe('GKE routes with the real ClusterManagerClient (REST fallback over http)', () => {
  it('lists every cluster of a project with location "-" and reports missing zones', async () => {
    const [resp] = await gkeClient(sb.url).listClusters({
      parent: `projects/${PROJECT}/locations/-`,
    });
    expect(resp.clusters?.map((c) => c.name)).toEqual([
      'private-endpoint-public',
      'public',
      'private-endpoint-private',
      'regional',
    ]);
    expect(resp.missingZones).toEqual(['asia-east1-a']);
    const pe = resp.clusters?.[0];
    expect(pe?.privateClusterConfig?.enablePrivateNodes).toBe(true);
    expect(pe?.nodePools?.[0]?.config?.metadata?.['disable-legacy-endpoints']).toBe('true');
  });

  it('lists per location (regional apart from zonal)', async () => {
    const client = gkeClient(sb.url);
    const [region] = await client.listClusters({
      parent: `projects/${PROJECT}/locations/us-central1`,
    });
    expect(region.clusters?.map((c) => c.name)).toEqual(['regional']);
    const [zone] = await client.listClusters({
      parent: `projects/${PROJECT}/locations/us-central1-c`,
    });
    expect(zone.clusters).toHaveLength(3);
    expect(zone.missingZones).toEqual([]);
  });

  it('gets one cluster and answers 404 NOT_FOUND for an unknown one', async () => {
    const client = gkeClient(sb.url);
    const [cluster] = await client.getCluster({
      name: `projects/${PROJECT}/locations/us-central1-c/clusters/public`,
    });
    expect(cluster.endpoint).toBeTypeOf('string');
    expect(cluster.legacyAbac).toEqual(expect.objectContaining({}));
    const err = await client
      .getCluster({ name: `projects/${PROJECT}/locations/us-central1-c/clusters/nope` })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 404 });
    expect(String((err as Error).message)).toContain(
      'Not found: projects/gkeexposure/locations/us-central1-c/clusters/nope.',
    );
  });

  it('answers 403 PERMISSION_DENIED for a project that is not in the estate', async () => {
    const err = await gkeClient(sb.url)
      .listClusters({ parent: 'projects/not-ours/locations/-' })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 403 });
    expect(sb.counters.get('container:ListClusters', 'not-ours')).toBe(1);
  });
});

describe('ARM routes with the real ContainerServiceClient (https endpoint downgraded to http)', () => {
  it('lists managed clusters of a subscription across nextLink pages', async () => {
    const names: string[] = [];
    for await (const mc of aksClient(sb.url, SUB_1).managedClusters.list())
      names.push(mc.name ?? '');
    expect(names).toEqual(['aks-a', 'aks-b', 'aks-c', 'aks-d', 'aks-e']);
    expect(sb.counters.get('containerservice:ListManagedClusters', SUB_1)).toBe(3);
  });

  it('reads the ARM wire spelling into the SDK spelling', async () => {
    const mc = await aksClient(sb.url, SUB_1).managedClusters.get('rg1', 'aks-b');
    expect(mc.enableRbac).toBe(true);
    expect(mc.apiServerAccessProfile?.enablePrivateCluster).toBe(true);
    const pub = await aksClient(sb.url, SUB_1).managedClusters.get('rg1', 'aks-a');
    expect(pub.enableRbac).toBe(false);
    expect(pub.apiServerAccessProfile).toBeUndefined();
  });

  it('lists by resource group and answers ResourceNotFound for an unknown cluster', async () => {
    const names: string[] = [];
    for await (const mc of aksClient(sb.url, SUB_1).managedClusters.listByResourceGroup('rg2')) {
      names.push(mc.name ?? '');
    }
    expect(names).toEqual(['aks-c', 'aks-d', 'aks-e']);
    await expect(aksClient(sb.url, SUB_1).managedClusters.get('rg1', 'nope')).rejects.toMatchObject(
      {
        statusCode: 404,
        code: 'ResourceNotFound',
      },
    );
  });

  it('lists nothing in an empty subscription and 404s an unknown one', async () => {
    const names: string[] = [];
    for await (const mc of aksClient(sb.url, SUB_2).managedClusters.list())
      names.push(mc.name ?? '');
    expect(names).toEqual([]);
    const unknown = '99999999-9999-9999-9999-999999999999';
    const iter = aksClient(sb.url, unknown).managedClusters.list();
    await expect(iter.next()).rejects.toMatchObject({
      statusCode: 404,
      code: 'SubscriptionNotFound',
    });
  });

  it('lists subscriptions over plain fetch with a bearer token and requires api-version', async () => {
    const headers = { authorization: 'Bearer t' };
    const res = await fetch(`${sb.url}/subscriptions?api-version=2022-12-01`, { headers });
    const body = (await res.json()) as { value: { subscriptionId: string; state: string }[] };
    expect(body.value.map((s) => s.subscriptionId)).toEqual([SUB_1, SUB_2]);
    expect(body.value[0]?.state).toBe('Enabled');
    const missing = await fetch(`${sb.url}/subscriptions`, { headers });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: 'MissingApiVersionParameter' } });
    const anonymous = await fetch(`${sb.url}/subscriptions?api-version=2022-12-01`);
    expect(anonymous.status).toBe(401);
  });
});
