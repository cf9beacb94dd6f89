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
    expect(sandbox.counters.get('account:ListRegions', ACCOUNT_B)).toBe(1);
  });

  it('pages through ListRegions and keeps enabled regions only (opt-in ones when enabled)', async () => {
    // 24 regions enabled by default plus one enabled opt-in region: two pages of the default
    // size; the disabled opt-in regions (DISABLED) are left out.
    const byDefault = Array.from(
      { length: 24 },
      (_, i) => `x${String.fromCharCode(97 + i)}-test-1`,
    );
    const enabled = [...byDefault, 'me-south-1'];
    const sb = await startSandbox({
      estate: { aws: { accounts: { [ACCOUNT_A]: { enabledRegions: enabled, regions: {} } } } },
    });
    try {
      const d = createAwsDiscovery({
        region: 'eu-west-1',
        endpoint: sb.url,
        credentials: awsClientConfig(sb.url).credentials,
        maxAttempts: 1,
      });
      expect((await d.listEnabledRegions(ACCOUNT_A)).sort()).toEqual([...enabled].sort());
      expect(sb.counters.get('account:ListRegions')).toBe(2);
    } finally {
      await sb.stop();
    }
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
