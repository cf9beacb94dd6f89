import {
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeNodegroupCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
  paginateListClusters,
  ResourceNotFoundException,
} from '@aws-sdk/client-eks';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsClientConfig, eksClient, stsClient } from '../../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './estates';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: awsEstate(7) });
});
afterAll(async () => {
  await sb.stop();
});

describe('EKS routes with the real EKSClient', () => {
  it('pages ListClusters with maxResults and nextToken', async () => {
    const eks = eksClient(sb.url, { region: REGION });
    const first = await eks.send(new ListClustersCommand({ maxResults: 3 }));
    expect(first.clusters).toEqual(['c01', 'c02', 'c03']);
    expect(first.nextToken).toBeTypeOf('string');
    const names: string[] = [];
    for await (const page of paginateListClusters({ client: eks, pageSize: 3 }, {})) {
      names.push(...(page.clusters ?? []));
    }
    expect(names).toEqual(['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07']);
    expect(sb.counters.get('eks:ListClusters', ACCOUNT_A)).toBe(4); // 1 + 3 pages
  });

  it('rejects a maxResults out of range and a forged nextToken like the service', async () => {
    const eks = eksClient(sb.url, { region: REGION });
    await expect(eks.send(new ListClustersCommand({ maxResults: 101 }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
    await expect(eks.send(new ListClustersCommand({ nextToken: 'bogus' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('lists nothing in a region without clusters', async () => {
    const eks = eksClient(sb.url, { region: 'eu-central-1' });
    expect((await eks.send(new ListClustersCommand({}))).clusters).toEqual([]);
  });

  it('describes a cluster with its timestamps parsed to Dates', async () => {
    const eks = eksClient(sb.url, { region: REGION });
    const { cluster } = await eks.send(new DescribeClusterCommand({ name: 'c02' }));
    expect(cluster?.arn).toBe(`arn:aws:eks:${REGION}:${ACCOUNT_A}:cluster/c02`);
    expect(cluster?.createdAt).toEqual(new Date('2024-03-14T11:31:44.348-04:00'));
    expect(cluster?.resourcesVpcConfig?.publicAccessCidrs).toEqual(['22.19.18.2/32']);
    expect(cluster?.logging?.clusterLogging?.[0]?.types).toHaveLength(5);
  });

  it('answers ResourceNotFoundException for an unknown cluster', async () => {
    const eks = eksClient(sb.url, { region: REGION });
    const err = await eks
      .send(new DescribeClusterCommand({ name: 'nope' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceNotFoundException);
    expect((err as Error).message).toBe('No cluster found for name: nope.');
  });

  it('lists and describes node groups', async () => {
    const eks = eksClient(sb.url, { region: REGION });
    const list = await eks.send(new ListNodegroupsCommand({ clusterName: 'c03' }));
    expect(list.nodegroups).toEqual(['ng-a', 'ng-b']);
    const { nodegroup } = await eks.send(
      new DescribeNodegroupCommand({ clusterName: 'c03', nodegroupName: 'ng-b' }),
    );
    expect(nodegroup?.clusterName).toBe('c03');
    expect(nodegroup?.amiType).toBe('AL2_x86_64');
    expect(nodegroup?.modifiedAt).toBeInstanceOf(Date);
    await expect(
      eks.send(new DescribeNodegroupCommand({ clusterName: 'c03', nodegroupName: 'zz' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
  });

  it('serves DescribeClusterVersions with its filters', async () => {
    const eks = eksClient(sb.url, { region: REGION });
    const all = await eks.send(new DescribeClusterVersionsCommand({}));
    expect(all.clusterVersions?.map((v) => v.clusterVersion)).toEqual(['1.33', '1.26']);
    expect(all.clusterVersions?.[0]?.endOfStandardSupportDate).toEqual(
      new Date('2026-07-29T00:00:00Z'),
    );
    const one = await eks.send(
      new DescribeClusterVersionsCommand({ versionStatus: 'UNSUPPORTED' }),
    );
    expect(one.clusterVersions?.map((v) => v.clusterVersion)).toEqual(['1.26']);
  });
});

describe('STS routes with the real STSClient', () => {
  it('answers GetCallerIdentity for the default caller', async () => {
    const out = await stsClient(sb.url).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(ACCOUNT_A);
    expect(out.Arn).toBe(`arn:aws:iam::${ACCOUNT_A}:user/sandbox-user`);
  });

  it('assumes a role in a member account, and the credentials act as that account', async () => {
    const roleArn = `arn:aws:iam::${ACCOUNT_B}:role/mk8s-audit-read`;
    const out = await stsClient(sb.url).send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'audit' }),
    );
    const creds = out.Credentials;
    expect(creds?.Expiration).toBeInstanceOf(Date);
    expect(out.AssumedRoleUser?.Arn).toBe(
      `arn:aws:sts::${ACCOUNT_B}:assumed-role/mk8s-audit-read/audit`,
    );
    const asB = new STSClient({
      ...awsClientConfig(sb.url),
      credentials: {
        accessKeyId: creds?.AccessKeyId ?? '',
        secretAccessKey: creds?.SecretAccessKey ?? '',
        sessionToken: creds?.SessionToken ?? '',
      },
    });
    const me = await asB.send(new GetCallerIdentityCommand({}));
    expect(me.Account).toBe(ACCOUNT_B);
    expect(me.Arn).toBe(`arn:aws:sts::${ACCOUNT_B}:assumed-role/mk8s-audit-read/audit`);
    expect(sb.counters.get('sts:GetCallerIdentity', ACCOUNT_B)).toBe(1);
  });

  it('denies AssumeRole into an account that is not in the estate', async () => {
    const err = await stsClient(sb.url)
      .send(
        new AssumeRoleCommand({
          RoleArn: 'arn:aws:iam::999999999999:role/x',
          RoleSessionName: 'audit',
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((err as Error).message).toContain('is not authorized to perform: sts:AssumeRole');
  });
});
