import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../pipeline/discover';
import { parseRunConfig } from '../../pipeline/run-config';
import { listAzureSubscriptions } from '../../providers/azure/discovery';
import { createGcpDiscovery } from '../../providers/gcp/discovery';
import { fakeAzureCredential, fakeGoogleAuthClient } from '../../sandbox/clients';
import type { EstateInput } from '../../sandbox/estate';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { clock, RUN, recordingLogger, tempStore } from '../helpers/pipeline-fakes';

const SUB_ON = '00000000-0000-4000-8000-0000000000a1';
const SUB_OFF = '00000000-0000-4000-8000-0000000000a2';

/**
 * organizations/100
 * ├── acme-root-app
 * └── folders/200: acme-shared-net
 *     └── folders/300: acme-team-001..060 (two pages of 50), acme-gone (pending deletion)
 * acme-no-org (no parent)
 */
function estate(): EstateInput {
  const projects: NonNullable<EstateInput['gcp']>['projects'] = {
    'acme-root-app': { parent: 'organizations/100' },
    'acme-shared-net': { parent: 'folders/200' },
    'acme-gone-0': { parent: 'folders/300', state: 'DELETE_REQUESTED' },
    'acme-no-org': {},
  };
  for (let i = 1; i <= 60; i++) {
    projects[`acme-team-${String(i).padStart(3, '0')}`] = { parent: 'folders/300' };
  }
  return {
    gcp: {
      folders: [
        { id: '200', parent: 'organizations/100' },
        { id: '300', parent: 'folders/200' },
      ],
      projects,
    },
    azure: {
      subscriptions: { [SUB_ON]: {}, [SUB_OFF]: { state: 'Disabled' } },
    },
  };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ estate: estate() });
});
afterAll(() => sandbox.stop());

const gcp = () =>
  createGcpDiscovery({ endpoint: sandbox.url, authClient: fakeGoogleAuthClient(), maxAttempts: 1 });

describe('GCP project discovery (Resource Manager v3)', () => {
  it('finds every ACTIVE project below an organization, folders at any depth, every page', async () => {
    sandbox.counters.reset();
    const projects = await gcp().listProjects(['organizations/100']);
    expect(projects).toHaveLength(62);
    expect(projects).toContain('acme-root-app');
    expect(projects).toContain('acme-team-060');
    expect(projects).not.toContain('acme-gone-0');
    expect(projects).not.toContain('acme-no-org');
    // One projects.list per parent, the 61 projects of folders/300 in two pages.
    expect(sandbox.counters.get('cloudresourcemanager:projects.list')).toBe(4);
    expect(sandbox.counters.get('cloudresourcemanager:folders.list')).toBe(3);
  });

  it('starts from a folder', async () => {
    const projects = await gcp().listProjects(['folders/300']);
    expect(projects).toHaveLength(60);
  });

  it('feeds discover, adding explicit projects once; a failed listing is a discovery error', async () => {
    const { store } = await tempStore();
    const config = parseRunConfig({
      gcp: { parents: ['folders/200'], projects: ['acme-no-org', 'acme-shared-net'] },
    });
    const out = await discover(
      config,
      // Projects only: with cluster listing, these cluster-less projects would make no target.
      {
        store,
        clock,
        logger: recordingLogger(),
        gcp: { listProjects: (p) => gcp().listProjects(p) },
      },
      RUN,
    );
    expect(out.targets).toHaveLength(62);
    expect(out.errors).toBeUndefined();

    const broken = await discover(
      parseRunConfig({ gcp: { parents: ['folders/999'] } }),
      {
        store,
        clock,
        logger: recordingLogger(),
        gcp: { listProjects: () => Promise.reject(new Error('PERMISSION_DENIED')) },
      },
      RUN,
    );
    expect(broken.targets).toEqual([]);
    expect(broken.errors?.[0]).toMatchObject({ operation: 'cloudresourcemanager:projects.list' });
  });

  it('refuses a parent that is not an organization or a folder', () => {
    expect(() => parseRunConfig({ gcp: { parents: ['projects/acme-root-app'] } })).toThrow(
      /organizations\/123456789012/,
    );
  });
});

describe('Azure subscription discovery', () => {
  it('feeds discover with every usable subscription the identity sees, each once', async () => {
    const { store } = await tempStore();
    const out = await discover(
      parseRunConfig({ azure: { allSubscriptions: true, subscriptions: [SUB_ON.toUpperCase()] } }),
      {
        store,
        clock,
        logger: recordingLogger(),
        azure: {
          listSubscriptions: async () =>
            (
              await listAzureSubscriptions({
                endpoint: sandbox.url,
                credential: fakeAzureCredential,
              })
            ).map((t) => t.subscription),
        },
      },
      RUN,
    );
    // One target per subscription whatever the case it was written in (ARM's spelling wins).
    expect(out.targets).toEqual([{ cloud: 'azure', subscription: SUB_ON }]);
  });

  it('refuses allSubscriptions when the runner cannot list them', async () => {
    const { store } = await tempStore();
    await expect(
      discover(
        parseRunConfig({ azure: { allSubscriptions: true } }),
        { store, clock, logger: recordingLogger() },
        RUN,
      ),
    ).rejects.toThrow(/cannot list Azure subscriptions/);
  });
});
