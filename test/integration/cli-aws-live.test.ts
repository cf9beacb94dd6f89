import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../core/finding';
import { runCli } from '../cli-run';
import { fixture } from '../fixture';

type Json = Record<string, unknown>;
const caller = fixture<{ Account: string; Arn: string; UserId: string }>(
  'aws/sts/get-caller-identity.json',
);
const REGION = 'us-east-2';
const AS_OF = ['--as-of', '2026-11-28T00:00:00Z'];

/** The docs' DescribeCluster example in the caller's account, `createdAt` as the API sends it. */
function cluster(name: string): Json {
  const c = fixture<{ cluster: Json }>('aws/eks/describe-cluster.json').cluster;
  return {
    ...c,
    name,
    arn: `arn:aws:eks:${REGION}:${caller.Account}:cluster/${name}`,
    createdAt: 1710430304.348,
  };
}

/** A stand-in for STS and EKS over plain HTTP, answering as the real services' protocols do. */
function handle(req: IncomingMessage, body: string, res: ServerResponse): void {
  const [status, value, headers = {}] = route(req, body);
  res.writeHead(status, headers);
  res.end(typeof value === 'string' ? value : JSON.stringify(value));
}

type Reply = [status: number, body: unknown, headers?: Record<string, string>];
const JSON_TYPE = { 'content-type': 'application/json' };
const error = (status: number, type: string, message: string): Reply => [
  status,
  { message },
  { ...JSON_TYPE, 'x-amzn-errortype': type },
];

function route(req: IncomingMessage, body: string): Reply {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method === 'POST' && body.includes('Action=GetCallerIdentity')) {
    return [
      200,
      `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Arn>${caller.Arn}</Arn><UserId>${caller.UserId}</UserId><Account>${caller.Account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
      { 'content-type': 'text/xml' },
    ];
  }
  const path = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (path[0] === 'clusters' && path.length === 1) {
    // Two pages, as ListClusters paginates.
    return url.searchParams.get('nextToken') === 'p2'
      ? [200, { clusters: ['denied'] }, JSON_TYPE]
      : [200, { clusters: ['prod', 'qa'], nextToken: 'p2' }, JSON_TYPE];
  }
  if (path[0] === 'clusters' && path.length === 2) {
    return path[1] === 'denied'
      ? error(
          403,
          'AccessDeniedException',
          'User is not authorized to perform: eks:DescribeCluster',
        )
      : [200, { cluster: cluster(String(path[1])) }, JSON_TYPE];
  }
  if (path[0] === 'clusters' && path[2] === 'node-groups' && path.length === 3) {
    return [200, { nodegroups: ['my-eks-nodegroup'] }, JSON_TYPE];
  }
  if (path[0] === 'clusters' && path[2] === 'node-groups' && path.length === 4) {
    const { nodegroup } = fixture<{ nodegroup: Json }>('aws/eks/describe-nodegroup.json');
    const value = {
      ...nodegroup,
      clusterName: path[1],
      createdAt: 1712590930.555,
      modifiedAt: 1712591052.402,
    };
    return [200, { nodegroup: value }, JSON_TYPE];
  }
  if (path[0] === 'cluster-versions') {
    const version = {
      clusterVersion: '1.26',
      endOfStandardSupportDate: 1718064000,
      versionStatus: 'EXTENDED_SUPPORT',
    };
    return [200, { clusterVersions: [version] }, JSON_TYPE];
  }
  return error(404, 'NotFoundException', `no route ${req.method} ${url.pathname}`);
}

let server: Server;
let endpoint: string;
let dir: string;
/** Credentials and region from the environment only: no profile of the machine is read. */
let env: Record<string, string>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-live-'));
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => handle(req, body, res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  env = {
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_PROFILE: '',
    AWS_REGION: '',
    AWS_DEFAULT_REGION: '',
  };
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

const findingsIn = async (out: string) =>
  Finding.array().parse(JSON.parse(await readFile(join(dir, out, 'findings.json'), 'utf8')));

describe('mk8s-audit scan --aws', () => {
  it('audits the caller account through the real SDK and names the cluster it could not read', async () => {
    const run = await runCli(
      ['scan', '--aws', '--region', REGION, '--endpoint-url', endpoint, '--out', 'live', ...AS_OF],
      { cwd: dir, env },
    );
    expect(run.stderr).toContain(
      `aws:${caller.Account}/${REGION}: eks:DescribeCluster (denied) failed with AccessDeniedException: User is not authorized to perform: eks:DescribeCluster`,
    );
    expect(run.code).toBe(2);
    const findings = await findingsIn('live');
    expect(new Set(findings.map((f) => f.resourceName))).toEqual(new Set(['prod', 'qa']));
    expect(findings[0]).toMatchObject({
      account: caller.Account,
      region: REGION,
      source: { kind: 'api' },
    });
  });

  it('collects a snapshot file that a later offline scan audits to the same findings', async () => {
    const collect = await runCli(
      ['collect', '--aws', '--region', REGION, '--endpoint-url', endpoint, '--out', 'snap/s.json'],
      { cwd: dir, env },
    );
    expect(collect.code).toBe(2);
    expect(collect.stdout).toContain(`Collected 2 clusters from aws:${caller.Account}/${REGION}`);
    const file = JSON.parse(await readFile(join(dir, 'snap', 's.json'), 'utf8'));
    expect(file).toMatchObject({ format: 'mk8s-audit-snapshot', version: 1 });
    expect(file.clusters[0].cluster.createdAt).toBe('2024-03-14T15:31:44.348Z');
    expect(file.clusters[0].parts.nodegroups).toMatchObject({ state: 'collected' });
    expect(file.clusters[0].parts.nodegroups.value[0].createdAt).toBe('2024-04-08T15:42:10.555Z');
    expect(file.clusters[0].parts.clusterVersions.value[0].endOfStandardSupportDate).toBe(
      '2024-06-11T00:00:00.000Z',
    );

    const scan = await runCli(['scan', 'snap/s.json', '--out', 'offline', ...AS_OF], {
      cwd: dir,
      env,
    });
    expect(scan.code).toBe(0);
    const offline = await findingsIn('offline');
    const live = await findingsIn('live');
    const view = (fs: Finding[]) => fs.map(({ id, status, message }) => ({ id, status, message }));
    expect(view(offline)).toEqual(view(live));
  });

  it('says how to give a region when none is configured (exit 2)', async () => {
    const run = await runCli(['scan', '--aws', '--endpoint-url', endpoint], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no AWS region: pass --region');
  });
});
