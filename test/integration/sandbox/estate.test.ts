import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeClusterCommand, ListClustersCommand } from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aksClient, eksClient, gkeClient } from '../../../sandbox/clients';
import { EstateError, loadEstate, parseEstate } from '../../../sandbox/estate';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';

const SAMPLE = SAMPLE_ESTATE_FILE;

function issuesOf(input: unknown): string[] {
  try {
    parseEstate(input, 'test.json');
  } catch (err) {
    expect(err).toBeInstanceOf(EstateError);
    return (err as EstateError).issues;
  }
  throw new Error('the estate was accepted');
}

describe('estate validation names the key and what is wrong', () => {
  it('names unknown keys, bad account ids and bad regions', () => {
    expect(issuesOf({ awz: {} })).toEqual(['(root): Unrecognized key: "awz"']);
    expect(issuesOf({ aws: { accounts: { '12345': {} } } })).toEqual([
      'aws.accounts.12345: invalid key: expected a 12-digit AWS account id',
    ]);
    expect(
      issuesOf({ aws: { accounts: { '111122223333': { regions: { 'mars-1': {} } } } } }),
    ).toEqual([
      'aws.accounts.111122223333.regions.mars-1: invalid key: expected an AWS region such as eu-west-1',
    ]);
  });

  it('checks that API objects agree with where they sit', () => {
    const issues = issuesOf({
      aws: {
        callerAccount: '999999999999',
        accounts: {
          '111122223333': {
            regions: {
              'us-east-1': {
                clusters: [
                  { cluster: { name: 'a', arn: 'arn:aws:eks:us-east-2:111122223333:cluster/a' } },
                  {
                    cluster: { name: 'a' },
                    nodegroups: [{ nodegroupName: 'n', clusterName: 'b' }],
                  },
                ],
              },
            },
          },
        },
      },
    });
    expect(issues).toEqual([
      'aws.callerAccount: account 999999999999 is not in aws.accounts',
      'aws.accounts.111122223333.regions.us-east-1.clusters[0].cluster.arn: expected arn:aws:eks:us-east-1:111122223333:cluster/a (the ARN names the enclosing account, region and cluster)',
      'aws.accounts.111122223333.regions.us-east-1.clusters[1].cluster.name: duplicate cluster name a',
      'aws.accounts.111122223333.regions.us-east-1.clusters[1].nodegroups[0].clusterName: expected a',
    ]);
  });

  it('wants ARM wire JSON for AKS and resource groups that exist', () => {
    const sub = '00000000-0000-0000-0000-000000000000';
    const issues = issuesOf({
      azure: {
        subscriptions: {
          [sub]: {
            resourceGroups: [{ name: 'rg1', location: 'westeurope' }],
            managedClusters: [
              {
                cluster: {
                  id: `/subscriptions/${sub}/resourceGroups/rg2/providers/Microsoft.ContainerService/managedClusters/a`,
                  name: 'a',
                  location: 'westeurope',
                  properties: { enableRbac: true },
                },
              },
            ],
          },
        },
      },
    });
    expect(issues).toEqual([
      `azure.subscriptions.${sub}.managedClusters[0].cluster.id: resource group rg2 is not in azure.subscriptions.${sub}.resourceGroups`,
      `azure.subscriptions.${sub}.managedClusters[0].cluster.properties.enableRbac: ARM wire JSON spells it enableRBAC (enableRbac is the SDK 25.x / az CLI spelling)`,
    ]);
  });

  it('names missing GKE fields, bad faults and unknown related objects', () => {
    expect(
      issuesOf({
        faults: [{ kind: 'boom' }, { kind: 'latency' }],
        gcp: {
          projects: {
            'my-project': { clusters: [{ cluster: { name: 'x' }, related: { iamPolicy: {} } }] },
          },
        },
      }),
    ).toEqual([
      'faults[0].kind: Invalid option: expected one of "latency"|"throttle"|"server-error"|"access-denied"|"malformed"|"disappear"|"reject-findings"',
      'faults[1].latencyMs: a latency fault needs latencyMs',
      'gcp.projects.my-project.clusters[0].cluster.location: Invalid input: expected string, received undefined',
      'gcp.projects.my-project.clusters[0].related.iamPolicy: unknown related object for gcp cluster (known: upgradeInfo)',
    ]);
  });

  it('reports a file that is not JSON or missing, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'estate-'));
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"aws": ');
    expect(() => loadEstate(file)).toThrow(`invalid estate ${file}:\n  not JSON`);
    expect(() => loadEstate(join(dir, 'none.json'))).toThrow(/cannot read the file: ENOENT/);
  });
});

describe('the sample estate', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({ estate: loadEstate(SAMPLE) });
  });
  afterAll(async () => {
    await sb.stop();
  });

  it('serves 12 clusters: 5 EKS in 2 accounts × 2 regions, 4 GKE in 2 projects, 3 AKS in 2 subscriptions', async () => {
    const estate = sb.state.estate;
    const eks: string[] = [];
    for (const [account, a] of Object.entries(estate.aws?.accounts ?? {})) {
      for (const region of Object.keys(a.regions)) {
        const client = eksClient(sb.url, { account, region });
        const names = (await client.send(new ListClustersCommand({}))).clusters ?? [];
        for (const name of names) {
          const { cluster } = await client.send(new DescribeClusterCommand({ name }));
          expect(cluster?.arn).toBe(`arn:aws:eks:${region}:${account}:cluster/${name}`);
          eks.push(name);
        }
      }
    }
    expect(eks.sort()).toEqual([
      'analytics',
      'ci-runners',
      'dev-sandbox',
      'prod-payments',
      'prod-web',
    ]);

    const gke: string[] = [];
    for (const project of Object.keys(estate.gcp?.projects ?? {})) {
      const [resp] = await gkeClient(sb.url).listClusters({
        parent: `projects/${project}/locations/-`,
      });
      gke.push(
        ...(resp.clusters ?? []).map(
          (c) => `${c.name}@${c.location}${c.autopilot?.enabled ? ' (autopilot)' : ''}`,
        ),
      );
    }
    expect(gke.sort()).toEqual([
      'dev-standard@us-central1',
      'dev-zonal@europe-west2-a',
      'prod-autopilot@europe-west1 (autopilot)',
      'prod-legacy@us-central1-c',
    ]);

    const aks: string[] = [];
    for (const sub of Object.keys(estate.azure?.subscriptions ?? {})) {
      for await (const mc of aksClient(sb.url, sub).managedClusters.list()) {
        aks.push(
          `${mc.name}${mc.apiServerAccessProfile?.enablePrivateCluster ? ' (private)' : ''}`,
        );
      }
    }
    expect(aks.sort()).toEqual(['aks-dev', 'aks-prod-private (private)', 'aks-prod-public']);
  });
});
