import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../pipeline/discover';
import { parseRunConfig } from '../../pipeline/run-config';
import { createAwsDiscovery } from '../../providers/aws/discovery';
import { awsClientConfig } from '../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clock, RUN, recordingLogger, tempStore } from '../helpers/pipeline-fakes';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './sandbox/estates';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ estate: awsEstate(1) });
});
afterAll(() => sandbox.stop());

const discovery = () =>
  createAwsDiscovery({
    region: 'us-east-1',
    endpoint: sandbox.url,
    credentials: awsClientConfig(sandbox.url).credentials,
    maxAttempts: 1,
    assumeRole: { roleName: 'mk8s-audit-read' },
  });

describe('AWS discovery against the sandbox', () => {
  it('lists the active accounts of the organization', async () => {
    expect(await discovery().listOrganizationAccounts()).toEqual([ACCOUNT_A, ACCOUNT_B]);
  });

  it("lists each account's enabled regions, through the member role for another account", async () => {
    const d = discovery();
    expect(await d.listEnabledRegions(ACCOUNT_A)).toEqual([REGION]);
    expect(await d.listEnabledRegions(ACCOUNT_B)).toEqual(['eu-west-1']);
    expect(sandbox.counters.get('sts:AssumeRole')).toBe(1);
  });

  it('feeds discover: organization-wide, every enabled region', async () => {
    const { store } = await tempStore();
    const config = parseRunConfig({ aws: { organization: true, allEnabledRegions: true } });
    const out = await discover(
      config,
      { store, clock, logger: recordingLogger(), aws: discovery() },
      RUN,
    );
    expect(out.targets).toEqual([
      { cloud: 'aws', account: ACCOUNT_A, region: REGION },
      { cloud: 'aws', account: ACCOUNT_B, region: 'eu-west-1' },
    ]);
    expect(out.errors).toBeUndefined();
  });
});
