import { DescribeClusterCommand, paginateListClusters } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksClient, eksClient, gkeClient } from '../../../sandbox/clients';
import { loadEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { syntheticEstate } from '../../../sandbox/synthetic-estate';

let sb: Sandbox;
beforeAll(async () => {
  const estate = syntheticEstate(loadEstate(SAMPLE_ESTATE_FILE), {
    aws: { accounts: 2, regions: ['us-east-1', 'eu-west-1'], clustersPerRegion: 230 },
    gcp: { projects: 2, clustersPerProject: 30 },
    azure: { subscriptions: 2, clustersPerSubscription: 45, pageSize: 20 },
  });
  sb = await startSandbox({ estate });
});
afterAll(async () => {
  await sb.stop();
});

describe('a synthetic estate built from the sample', () => {
  it('pages 230 EKS clusters in three ListClusters pages and describes renamed copies', async () => {
    const account = Object.keys(sb.state.estate.aws?.accounts ?? {})[1] ?? '';
    const eks = eksClient(sb.url, { account, region: 'eu-west-1' });
    const names: string[] = [];
    for await (const page of paginateListClusters({ client: eks }, {}))
      names.push(...(page.clusters ?? []));
    expect(names).toHaveLength(230);
    expect(sb.counters.get('eks:ListClusters', account)).toBe(3);
    const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'eks-0230' }));
    expect(cluster?.arn).toBe(`arn:aws:eks:eu-west-1:${account}:cluster/eks-0230`);
  });

  it('serves GKE and AKS copies (ARM in pages of 20)', async () => {
    const [resp] = await gkeClient(sb.url).listClusters({
      parent: 'projects/bench-project-002/locations/-',
    });
    expect(resp.clusters).toHaveLength(30);
    expect(resp.clusters?.[29]?.selfLink).toContain('/projects/bench-project-002/');
    const sub = '00000000-0000-4000-8000-000000000002';
    let n = 0;
    for await (const mc of aksClient(sb.url, sub).managedClusters.list()) {
      expect(mc.id).toContain(`/subscriptions/${sub}/`);
      n++;
    }
    expect(n).toBe(45);
    expect(sb.counters.get('containerservice:ListManagedClusters', sub)).toBe(3);
  });
});
