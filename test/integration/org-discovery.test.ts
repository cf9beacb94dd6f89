import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../pipeline/discover';
import { parseRunConfig } from '../../pipeline/run-config';
import { createAwsDiscovery } from '../../providers/aws/discovery';
import { awsClientConfig } from '../../sandbox/clients';
import type { EstateInput } from '../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clock, RUN, recordingLogger, tempStore } from '../helpers/pipeline-fakes';

const MANAGEMENT = '100000000000';
const PROD = 'ou-sbx0-prod0001';
const LEGACY = 'ou-sbx0-legacy01';
const DEV = 'ou-sbx0-dev00001';
const id = (n: number) => String(n).padStart(12, '0');

/**
 * root: the management account
 * ├── prod: 200000000001, 200000000002 (suspended)
 * │   └── legacy: 300000000001
 * └── dev: 25 accounts (more than one page of 20)
 */
function orgEstate(): EstateInput {
  const accounts: NonNullable<EstateInput['aws']>['accounts'] = {
    [MANAGEMENT]: {},
    [id(200000000001)]: { parentId: PROD },
    [id(200000000002)]: { parentId: PROD, status: 'SUSPENDED' },
    [id(300000000001)]: { parentId: LEGACY },
  };
  for (let i = 1; i <= 25; i++) accounts[id(400000000000 + i)] = { parentId: DEV };
  return {
    aws: {
      callerAccount: MANAGEMENT,
      organization: {
        managementAccount: MANAGEMENT,
        organizationalUnits: [
          { id: PROD, name: 'prod', parentId: 'r-sbx0' },
          { id: LEGACY, name: 'legacy', parentId: PROD },
          { id: DEV, name: 'dev', parentId: 'r-sbx0' },
        ],
      },
      accounts,
    },
  };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ estate: orgEstate() });
});
afterAll(() => sandbox.stop());

const discovery = () =>
  createAwsDiscovery({
    region: 'us-east-1',
    endpoint: sandbox.url,
    credentials: awsClientConfig(sandbox.url).credentials,
    maxAttempts: 1,
  });
const sorted = (xs: string[]) => [...xs].sort();

describe('AWS Organizations discovery with OU include and exclude', () => {
  it('walks an included OU and the OUs below it, keeping ACTIVE accounts only', async () => {
    sandbox.counters.reset();
    const accounts = await discovery().listOrganizationAccounts({ include: [PROD], exclude: [] });
    expect(sorted(accounts)).toEqual([id(200000000001), id(300000000001)]);
    expect(sandbox.counters.get('organizations:ListAccountsForParent')).toBe(2);
    expect(sandbox.counters.get('organizations:ListChildren')).toBe(2);
    expect(sandbox.counters.get('organizations:ListAccounts')).toBe(0);
  });

  it('leaves out an excluded OU and everything below it, paging a large OU', async () => {
    sandbox.counters.reset();
    const accounts = await discovery().listOrganizationAccounts({ include: [], exclude: [PROD] });
    expect(accounts).toHaveLength(26);
    expect(accounts).toContain(MANAGEMENT);
    expect(accounts).not.toContain(id(300000000001));
    // The root comes from ListRoots; dev's 25 accounts take two pages of 20.
    expect(sandbox.counters.get('organizations:ListRoots')).toBe(1);
    expect(sandbox.counters.get('organizations:ListAccountsForParent', MANAGEMENT)).toBe(3);
  });

  it('excludes a nested OU inside an included one', async () => {
    const accounts = await discovery().listOrganizationAccounts({
      include: [PROD],
      exclude: [LEGACY],
    });
    expect(accounts).toEqual([id(200000000001)]);
  });

  it('fails with the API error for an OU that does not exist', async () => {
    await expect(
      discovery().listOrganizationAccounts({ include: ['ou-sbx0-missing1'], exclude: [] }),
    ).rejects.toMatchObject({ name: 'ParentNotFoundException' });
  });

  it('feeds discover from the configuration', async () => {
    const { store } = await tempStore();
    const config = parseRunConfig({
      aws: {
        organization: true,
        organizationalUnits: { include: [PROD] },
        regions: ['eu-west-1'],
      },
    });
    const out = await discover(
      config,
      { store, clock, logger: recordingLogger(), aws: discovery() },
      RUN,
    );
    expect(out.targets.map((t) => (t.cloud === 'aws' ? t.account : ''))).toEqual(
      sorted([id(200000000001), id(300000000001)]),
    );
  });

  it('refuses OUs without organization: true, naming the key', () => {
    expect(() =>
      parseRunConfig({ aws: { organizationalUnits: { include: [PROD] }, regions: ['eu-west-1'] } }),
    ).toThrow(/organizationalUnits.*organization: true/s);
  });
});
