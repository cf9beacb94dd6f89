import {
  AccessDeniedException,
  type Cluster,
  DescribeClusterCommand,
  DescribeClusterVersionsCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListClustersCommand,
  ListNodegroupsCommand,
  type Nodegroup,
  ServerException,
} from '@aws-sdk/client-eks';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EksSnapshot } from '../../../../core/snapshot-eks';
import type { AwsTarget } from '../../../../core/target';
import { createAwsCollector } from '../../../../providers/aws/collector';
import { fixture } from '../../../fixture';

const eks = mockClient(EKSClient);
const sts = mockClient(STSClient);

const ACCOUNT = '111122223333';
const target: AwsTarget = { cloud: 'aws', account: ACCOUNT, region: 'us-east-2' };
const NOW = new Date('2026-11-28T10:00:00Z');
const collector = () => createAwsCollector({ now: () => NOW });

/** The docs' DescribeCluster example renamed, with Dates where the SDK returns Dates. */
function cluster(name: string): Cluster {
  const { cluster: c } = fixture<{ cluster: Record<string, unknown> }>(
    'aws/eks/describe-cluster.json',
  );
  return {
    ...c,
    name,
    arn: `arn:aws:eks:us-east-2:${ACCOUNT}:cluster/${name}`,
    createdAt: new Date(String(c['createdAt'])),
  } as Cluster;
}

function nodegroup(clusterName: string, nodegroupName: string): Nodegroup {
  const { nodegroup: n } = fixture<{ nodegroup: Record<string, unknown> }>(
    'aws/eks/describe-nodegroup.json',
  );
  return {
    ...n,
    clusterName,
    nodegroupName,
    createdAt: new Date(String(n['createdAt'])),
    modifiedAt: new Date(String(n['modifiedAt'])),
  } as Nodegroup;
}

const denied = (message: string) =>
  new AccessDeniedException({ message, $metadata: { httpStatusCode: 403 } });

const versions = {
  clusterVersions: [
    {
      clusterVersion: '1.26',
      clusterType: 'eks',
      versionStatus: 'EXTENDED_SUPPORT' as const,
      releaseDate: new Date('2023-04-11T00:00:00Z'),
      endOfStandardSupportDate: new Date('2024-06-11T00:00:00Z'),
      endOfExtendedSupportDate: new Date('2025-06-11T00:00:00Z'),
    },
  ],
};

/** The docs' four clusters over two pages, each with the docs' two node groups. */
function mockEstate() {
  const names = fixture<{ clusters: string[] }>('aws/eks/list-clusters.json').clusters;
  const ngNames = fixture<{ nodegroups: string[] }>('aws/eks/list-nodegroups.json').nodegroups;
  eks
    .on(ListClustersCommand)
    .resolves({ clusters: names.slice(0, 2), nextToken: 'page2' })
    .on(ListClustersCommand, { nextToken: 'page2' })
    .resolves({ clusters: names.slice(2) });
  for (const name of names) {
    eks.on(DescribeClusterCommand, { name }).resolves({ cluster: cluster(name) });
    eks
      .on(ListNodegroupsCommand, { clusterName: name })
      .resolves({ nodegroups: ngNames.slice(0, 1), nextToken: 'ng2' })
      .on(ListNodegroupsCommand, { clusterName: name, nextToken: 'ng2' })
      .resolves({ nodegroups: ngNames.slice(1) });
    for (const ng of ngNames) {
      eks
        .on(DescribeNodegroupCommand, { clusterName: name, nodegroupName: ng })
        .resolves({ nodegroup: nodegroup(name, ng) });
    }
  }
  eks.on(DescribeClusterVersionsCommand).resolves(versions);
  return { names, ngNames };
}

const eksSnapshots = (snapshots: unknown[]) => snapshots as EksSnapshot[];

beforeEach(() => {
  eks.reset();
  sts.reset();
});

describe('createAwsCollector', () => {
  it('follows every page of ListClusters and ListNodegroups and describes each object', async () => {
    const { names, ngNames } = mockEstate();
    const result = await collector().collect(target);

    expect(result.errors).toEqual([]);
    const snapshots = eksSnapshots(result.snapshots);
    expect(snapshots.map((s) => s.ref.name)).toEqual(names);
    expect(eks.commandCalls(ListClustersCommand)).toHaveLength(2);
    expect(eks.commandCalls(DescribeClusterCommand)).toHaveLength(4);

    const [first] = snapshots;
    expect(first?.ref).toEqual({
      id: `arn:aws:eks:us-east-2:${ACCOUNT}:cluster/prod`,
      name: 'prod',
      account: ACCOUNT,
      region: 'us-east-2',
    });
    expect(first?.source).toEqual({ kind: 'api', collectedAt: NOW.toISOString() });
    // Dates are stored in their JSON form.
    expect(first?.cluster.createdAt).toBe('2024-03-14T15:31:44.348Z');
    expect(first?.cluster.resourcesVpcConfig?.publicAccessCidrs).toEqual(['22.19.18.2/32']);
    const ngs = first?.parts.nodegroups;
    expect(ngs?.state).toBe('collected');
    if (ngs?.state !== 'collected') return;
    expect(ngs.value.map((n) => n.nodegroupName)).toEqual(ngNames);
    expect(ngs.value[0]?.createdAt).toBe('2024-04-08T15:42:10.555Z');
    expect(ngs.operations).toEqual(['eks:ListNodegroups', 'eks:DescribeNodegroup']);
    expect(ngs.errors).toBeUndefined();
    expect(first?.parts.clusterVersions).toEqual({
      state: 'collected',
      value: [
        {
          clusterVersion: '1.26',
          clusterType: 'eks',
          versionStatus: 'EXTENDED_SUPPORT',
          releaseDate: '2023-04-11T00:00:00.000Z',
          endOfStandardSupportDate: '2024-06-11T00:00:00.000Z',
          endOfExtendedSupportDate: '2025-06-11T00:00:00.000Z',
        },
      ],
      operations: ['eks:DescribeClusterVersions'],
    });
    // The snapshot survives a JSON round trip unchanged: it is what a file or S3 would hold.
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it('records a cluster that cannot be described as a target error and completes the others', async () => {
    mockEstate();
    eks
      .on(DescribeClusterCommand, { name: 'qa' })
      .rejects(new ServerException({ message: 'internal failure', $metadata: {} }));

    const result = await collector().collect(target);

    expect(result.snapshots.map((s) => s.ref.name)).toEqual(['prod', 'stage', 'my-eks-cluster']);
    expect(result.errors).toEqual([
      {
        operation: 'eks:DescribeCluster',
        resource: 'qa',
        code: 'ServerException',
        message: 'internal failure',
      },
    ]);
  });

  it('fails only the node group part of a cluster whose ListNodegroups is denied', async () => {
    mockEstate();
    eks
      .on(ListNodegroupsCommand, { clusterName: 'stage' })
      .rejects(denied('not authorized to perform eks:ListNodegroups'));

    const result = await collector().collect(target);

    expect(result.errors).toEqual([]);
    const byName = new Map(eksSnapshots(result.snapshots).map((s) => [s.ref.name, s]));
    expect(byName.get('stage')?.parts.nodegroups).toEqual({
      state: 'failed',
      errors: [
        {
          operation: 'eks:ListNodegroups',
          resource: 'stage',
          code: 'AccessDeniedException',
          message: 'not authorized to perform eks:ListNodegroups',
        },
      ],
    });
    expect(byName.get('stage')?.parts.clusterVersions.state).toBe('collected');
    for (const name of ['prod', 'qa', 'my-eks-cluster']) {
      expect(byName.get(name)?.parts.nodegroups.state).toBe('collected');
    }
  });

  it('keeps the described node groups and names the one whose describe failed', async () => {
    mockEstate();
    eks
      .on(DescribeNodegroupCommand, { clusterName: 'prod', nodegroupName: 'my-eks-nodegroup' })
      .rejects(denied('denied'));

    const [prod] = eksSnapshots((await collector().collect(target)).snapshots);
    const part = prod?.parts.nodegroups;
    expect(part?.state).toBe('collected');
    if (part?.state !== 'collected') return;
    expect(part.value.map((n) => n.nodegroupName)).toEqual(['my-eks-managed-node-group']);
    expect(part.errors).toEqual([
      {
        operation: 'eks:DescribeNodegroup',
        resource: 'my-eks-nodegroup',
        code: 'AccessDeniedException',
        message: 'denied',
      },
    ]);
  });

  it('calls DescribeClusterVersions once per region, shared by every cluster and account there', async () => {
    mockEstate();
    const c = collector();
    await c.collect(target);
    await c.collect({ ...target, account: '444455556666' });
    expect(eks.commandCalls(DescribeClusterVersionsCommand)).toHaveLength(1);
    expect(eks.commandCalls(DescribeClusterVersionsCommand)[0]?.args[0].input).toEqual({
      includeAll: true,
    });

    await c.collect({ ...target, region: 'eu-west-1' });
    expect(eks.commandCalls(DescribeClusterVersionsCommand)).toHaveLength(2);
  });

  it('follows DescribeClusterVersions pages and asks again after a failure', async () => {
    mockEstate();
    eks
      .on(DescribeClusterVersionsCommand)
      .rejectsOnce(denied('no'))
      .resolvesOnce({ clusterVersions: versions.clusterVersions, nextToken: 'v2' })
      .on(DescribeClusterVersionsCommand, { nextToken: 'v2' })
      .resolves({ clusterVersions: [{ clusterVersion: '1.27' }] });
    const c = collector();

    const [first] = eksSnapshots((await c.collect(target)).snapshots);
    expect(first?.parts.clusterVersions).toMatchObject({
      state: 'failed',
      errors: [{ operation: 'eks:DescribeClusterVersions', code: 'AccessDeniedException' }],
    });
    expect(first?.parts.nodegroups.state).toBe('collected');

    const [again] = eksSnapshots((await c.collect(target)).snapshots);
    const part = again?.parts.clusterVersions;
    expect(part?.state === 'collected' && part.value.map((v) => v.clusterVersion)).toEqual([
      '1.26',
      '1.27',
    ]);
  });

  it('returns a target error and no snapshot when ListClusters is denied', async () => {
    eks.on(ListClustersCommand).rejects(denied('not authorized to perform eks:ListClusters'));
    const result = await collector().collect(target);
    expect(result).toEqual({
      target,
      snapshots: [],
      errors: [
        {
          operation: 'eks:ListClusters',
          code: 'AccessDeniedException',
          message: 'not authorized to perform eks:ListClusters',
        },
      ],
    });
    expect(eks.commandCalls(DescribeClusterVersionsCommand)).toHaveLength(0);
  });

  it('makes no call beyond ListClusters in a region without clusters', async () => {
    eks.on(ListClustersCommand).resolves({ clusters: [] });
    expect(await collector().collect(target)).toEqual({ target, snapshots: [], errors: [] });
    expect(eks.calls()).toHaveLength(1);
  });

  it('describes at most `concurrency` clusters at once', async () => {
    mockEstate();
    let inFlight = 0;
    let peak = 0;
    eks.on(DescribeClusterCommand).callsFake(async (input: { name: string }) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      return { cluster: cluster(input.name) };
    });
    const result = await createAwsCollector({ concurrency: 2 }).collect(target);
    expect(result.snapshots).toHaveLength(4);
    expect(peak).toBe(2);
  });

  describe('assumeRole', () => {
    const caller = fixture<{ Account: string; Arn: string; UserId: string }>(
      'aws/sts/get-caller-identity.json',
    );
    const member: AwsTarget = { cloud: 'aws', account: '444455556666', region: 'us-east-2' };
    const session = {
      AccessKeyId: 'ASIAEXAMPLE',
      SecretAccessKey: 'secret',
      SessionToken: 'token',
      Expiration: new Date('2026-11-28T11:00:00Z'),
    };

    it('assumes the named role in another account and uses its session for EKS', async () => {
      mockEstate();
      sts.on(GetCallerIdentityCommand).resolves(caller);
      sts.on(AssumeRoleCommand).resolves({ Credentials: session });

      const c = createAwsCollector({
        now: () => NOW,
        assumeRole: { roleName: 'mk8s-audit-read', externalId: 'ext-1' },
      });
      const result = await c.collect(member);

      expect(result.errors).toEqual([]);
      expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input).toEqual({
        RoleArn: 'arn:aws:iam::444455556666:role/mk8s-audit-read',
        RoleSessionName: 'mk8s-audit',
        ExternalId: 'ext-1',
      });
      const eksClient = eks.commandCalls(ListClustersCommand)[0]?.thisValue as EKSClient;
      await expect(eksClient.config.credentials()).resolves.toMatchObject({
        accessKeyId: 'ASIAEXAMPLE',
        sessionToken: 'token',
      });

      // The caller's own account uses the caller's credentials; identity is asked once.
      await c.collect({ ...member, account: caller.Account });
      expect(sts.commandCalls(AssumeRoleCommand)).toHaveLength(1);
      expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(1);
    });

    it('records a denied AssumeRole as the target error', async () => {
      mockEstate();
      sts.on(GetCallerIdentityCommand).resolves(caller);
      sts.on(AssumeRoleCommand).rejects(denied('not authorized to perform sts:AssumeRole'));
      const result = await createAwsCollector({ assumeRole: { roleName: 'r' } }).collect(member);
      expect(result.snapshots).toEqual([]);
      expect(result.errors).toEqual([
        {
          operation: 'sts:AssumeRole',
          resource: 'arn:aws:iam::444455556666:role/r',
          code: 'AccessDeniedException',
          message: 'not authorized to perform sts:AssumeRole',
        },
      ]);
      expect(eks.calls()).toHaveLength(0);
    });

    it("uses a target's own roleArn without asking who the caller is", async () => {
      mockEstate();
      sts.on(AssumeRoleCommand).resolves({ Credentials: session });
      const roleArn = 'arn:aws:iam::444455556666:role/custom';
      await createAwsCollector({ assumeRole: { roleName: 'r' } }).collect({ ...member, roleArn });
      expect(sts.commandCalls(GetCallerIdentityCommand)).toHaveLength(0);
      expect(sts.commandCalls(AssumeRoleCommand)[0]?.args[0].input.RoleArn).toBe(roleArn);
    });
  });

  it('refuses a target of another cloud', () => {
    expect(() => collector().collect({ cloud: 'gcp', project: 'p' })).toThrow(/gcp target/);
  });
});
