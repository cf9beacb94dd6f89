import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import {
  GetRoleCommand,
  GetRolePolicyCommand,
  ListAttachedRolePoliciesCommand,
  ListRolePoliciesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { ListAccountsCommand, paginateListAccounts } from '@aws-sdk/client-organizations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ec2Client, iamClient, organizationsClient } from '../../../sandbox/clients';
import type { EstateInput } from '../../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { fixture } from '../../fixture';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './estates';

type Json = Record<string, unknown>;

/** A trust policy with characters IAM percent-encodes (`:`, `/`, `"`, spaces). */
const TRUST = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'eks.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT_A } },
    },
  ],
};

function estate(): EstateInput {
  const base = awsEstate(2);
  const role = fixture<{ Role: Json }>('aws/iam/get-role.json').Role;
  const attached = fixture<{ AttachedPolicies: { PolicyName: string; PolicyArn: string }[] }>(
    'aws/iam/list-attached-role-policies.json',
  ).AttachedPolicies;
  const inline = fixture<{ PolicyName: string; PolicyDocument: Json }>(
    'aws/iam/get-role-policy.json',
  );
  const accountA = base.aws?.accounts[ACCOUNT_A];
  if (!accountA) throw new Error('test estate lacks account A');
  accountA.iam = {
    roles: [
      {
        role: {
          ...role,
          RoleName: 'Test-Role',
          Arn: `arn:aws:iam::${ACCOUNT_A}:role/Test-Role`,
          AssumeRolePolicyDocument: TRUST,
        },
        attachedPolicies: attached,
        inlinePolicies: { [inline.PolicyName]: inline.PolicyDocument },
      },
    ],
  };
  accountA.enabledRegions = [REGION, 'eu-west-1', 'ap-southeast-2'];
  return base;
}

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox({ estate: estate() });
});
afterAll(async () => {
  await sb.stop();
});

describe('IAM routes with the real IAMClient', () => {
  it('returns the trust policy URL-encoded, as IAM does, and it decodes to the stored document', async () => {
    const { Role } = await iamClient(sb.url).send(new GetRoleCommand({ RoleName: 'Test-Role' }));
    const encoded = Role?.AssumeRolePolicyDocument ?? '';
    expect(encoded).toMatch(/^%7B%22Version%22%3A%222012-10-17%22/);
    expect(encoded).not.toContain('"');
    expect(JSON.parse(decodeURIComponent(encoded))).toEqual(TRUST);
    expect(Role?.CreateDate).toEqual(new Date('2019-11-13T16:45:56Z'));
    expect(Role?.RoleLastUsed?.Region).toBe('us-east-1');
    expect(Role?.MaxSessionDuration).toBe(3600);
  });

  it('lists attached and inline policies and returns an inline document URL-encoded', async () => {
    const iam = iamClient(sb.url);
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'Test-Role' }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'SecurityAudit', PolicyArn: 'arn:aws:iam::aws:policy/SecurityAudit' },
    ]);
    expect(attached.IsTruncated).toBe(false);
    const names = await iam.send(new ListRolePoliciesCommand({ RoleName: 'Test-Role' }));
    expect(names.PolicyNames).toEqual(['ExamplePolicy']);
    const policy = await iam.send(
      new GetRolePolicyCommand({ RoleName: 'Test-Role', PolicyName: 'ExamplePolicy' }),
    );
    const doc = JSON.parse(decodeURIComponent(policy.PolicyDocument ?? '')) as Json;
    expect(doc['Statement']).toEqual([
      expect.objectContaining({
        Action: ['s3:ListBucket', 's3:Put*', 's3:Get*', 's3:*MultipartUpload*'],
      }),
    ]);
  });

  it('answers NoSuchEntity for a role the account does not have', async () => {
    const err = await iamClient(sb.url, { account: ACCOUNT_B })
      .send(new GetRoleCommand({ RoleName: 'Test-Role' }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NoSuchEntityException);
    expect((err as Error).message).toBe('The role with name Test-Role cannot be found.');
    expect(sb.counters.get('iam:GetRole', ACCOUNT_B)).toBe(1);
  });
});

describe('Organizations and EC2 routes with the real clients', () => {
  it('lists the accounts from the management account, paging by MaxResults', async () => {
    const orgs = organizationsClient(sb.url);
    const pages: string[][] = [];
    for await (const p of paginateListAccounts({ client: orgs, pageSize: 1 }, {})) {
      pages.push((p.Accounts ?? []).map((a) => a.Id ?? ''));
    }
    expect(pages).toEqual([[ACCOUNT_A], [ACCOUNT_B]]);
    const all = await orgs.send(new ListAccountsCommand({}));
    expect(all.Accounts?.[1]).toMatchObject({ Id: ACCOUNT_B, Name: 'workloads', Status: 'ACTIVE' });
    expect(all.Accounts?.[1]?.JoinedTimestamp).toBeInstanceOf(Date);
  });

  it('denies ListAccounts outside the management account', async () => {
    await expect(
      organizationsClient(sb.url, { account: ACCOUNT_B }).send(new ListAccountsCommand({})),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });

  it('describes the enabled regions of the caller account', async () => {
    const ec2 = ec2Client(sb.url, { region: REGION });
    const out = await ec2.send(new DescribeRegionsCommand({}));
    expect(out.Regions?.map((r) => r.RegionName)).toEqual([REGION, 'eu-west-1', 'ap-southeast-2']);
    expect(out.Regions?.[0]).toMatchObject({
      Endpoint: `ec2.${REGION}.amazonaws.com`,
      OptInStatus: 'opt-in-not-required',
    });
    const one = await ec2.send(new DescribeRegionsCommand({ RegionNames: ['eu-west-1'] }));
    expect(one.Regions?.map((r) => r.RegionName)).toEqual(['eu-west-1']);
    const b = await ec2Client(sb.url, { account: ACCOUNT_B }).send(new DescribeRegionsCommand({}));
    expect(b.Regions?.map((r) => r.RegionName)).toEqual(['eu-west-1']);
  });
});
