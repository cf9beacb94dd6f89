import { describe, expect, it } from 'vitest';
import { DiscoveryConfigError, discover } from '../../../pipeline/discover';
import { parseRunConfig } from '../../../pipeline/run-config';
import { DiscoverOutput } from '../../../pipeline/types';
import { clock, RUN, recordingLogger, tempStore } from '../../helpers/pipeline-fakes';

describe('discover', () => {
  it('makes a target per AWS account and region, GCP project and Azure subscription, and stores them', async () => {
    const { store } = await tempStore();
    const config = parseRunConfig({
      aws: {
        accounts: ['111122223333', '444455556666', '111122223333'],
        regions: ['eu-west-1', 'us-east-1'],
      },
      gcp: { projects: ['acme-prod'] },
      azure: { subscriptions: ['00000000-0000-0000-0000-000000000001'] },
    });
    const out = await discover(config, { store, clock, logger: recordingLogger() }, RUN);
    expect(out.targets).toEqual([
      { cloud: 'aws', account: '111122223333', region: 'eu-west-1' },
      { cloud: 'aws', account: '111122223333', region: 'us-east-1' },
      { cloud: 'aws', account: '444455556666', region: 'eu-west-1' },
      { cloud: 'aws', account: '444455556666', region: 'us-east-1' },
      { cloud: 'gcp', project: 'acme-prod' },
      { cloud: 'azure', subscription: '00000000-0000-0000-0000-000000000001' },
    ]);
    expect(out.targetsKey).toBe('runs/date=2026-11-28/run=20261128T030000Z-abc123/targets.json');
    const stored = DiscoverOutput.parse(JSON.parse((await store.get(out.targetsKey)) ?? ''));
    expect(stored).toEqual(out);
  });

  it('makes a run id from the clock when none is given', async () => {
    const { store } = await tempStore();
    const out = await discover(parseRunConfig({}), { store, clock, logger: recordingLogger() });
    expect(out.run.date).toBe('2026-11-28');
    expect(out.run.runId).toMatch(/^20261128T030000Z-[0-9a-f]{6}$/);
    expect(out.targets).toEqual([]);
  });

  it('refuses organization-wide discovery when the runner has no hook for it', async () => {
    const { store } = await tempStore();
    const config = parseRunConfig({ aws: { organization: true, regions: ['eu-west-1'] } });
    await expect(
      discover(config, { store, clock, logger: recordingLogger() }, RUN),
    ).rejects.toThrow(DiscoveryConfigError);
  });

  it('uses the organization and enabled-regions hooks, and records an account whose regions cannot be listed', async () => {
    const { store } = await tempStore();
    const config = parseRunConfig({
      aws: { organization: true, accounts: ['111122223333'], allEnabledRegions: true },
    });
    const out = await discover(
      config,
      {
        store,
        clock,
        logger: recordingLogger(),
        aws: {
          listOrganizationAccounts: async () => ['111122223333', '444455556666', '777788889999'],
          listEnabledRegions: async (account) => {
            if (account === '444455556666')
              throw Object.assign(new Error('denied'), { name: 'UnauthorizedOperation' });
            return ['eu-west-1', 'eu-central-1'];
          },
        },
      },
      RUN,
    );
    expect(out.targets.map((t) => (t.cloud === 'aws' ? `${t.account}/${t.region}` : ''))).toEqual([
      '111122223333/eu-west-1',
      '111122223333/eu-central-1',
      '777788889999/eu-west-1',
      '777788889999/eu-central-1',
    ]);
    expect(out.errors).toEqual([
      {
        operation: 'account:ListRegions',
        resource: '444455556666',
        code: 'UnauthorizedOperation',
        message: 'denied',
      },
    ]);
  });
});
