import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../../core/finding';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { runCli } from '../../cli-run';
import { gcpEstate, PROJECT } from './estate';

let sb: Sandbox;
let dir: string;
beforeAll(async () => {
  sb = await startSandbox({ estate: gcpEstate() });
  dir = await mkdtemp(join(tmpdir(), 'mk8s-gcp-'));
});
afterAll(async () => {
  await sb.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('mk8s-audit scan --gcp-project', () => {
  it('audits the projects live through the GCP collector and names what it could not read', async () => {
    const run = await runCli(
      [
        'scan',
        '--gcp-project',
        PROJECT,
        '--gcp-project',
        'denied-project',
        '--endpoint-url',
        sb.url,
        '--out',
        'gcp',
        '--as-of',
        '2026-11-28T00:00:00Z',
      ],
      { cwd: dir, env: { GOOGLE_OAUTH_ACCESS_TOKEN: 'sandbox-token' } },
    );
    expect(run.stderr).toContain(
      'gcp:acme-prod: container:projects.locations.clusters.list (asia-east1-a) failed with MISSING_ZONE',
    );
    expect(run.stderr).toContain(
      'gcp:denied-project: container:projects.locations.clusters.list (projects/denied-project) failed with',
    );
    expect(run.code).toBe(2);
    const findings = Finding.array().parse(
      JSON.parse(await readFile(join(dir, 'gcp', 'findings.json'), 'utf8')),
    );
    expect(new Set(findings.map((f) => f.resourceId))).toEqual(
      new Set([
        'projects/acme-prod/locations/europe-west1/clusters/prod-standard',
        'projects/acme-prod/locations/us-central1/clusters/prod-autopilot',
      ]),
    );
    expect(
      findings.find(
        (f) => f.checkId === 'gke-node-default-sa' && f.resourceName === 'prod-autopilot',
      ),
    ).toMatchObject({ status: 'fail', cloud: 'gcp', account: PROJECT });
  });

  it('rejects a malformed project id and --endpoint-url without a live cloud', async () => {
    const bad = await runCli(['scan', '--gcp-project', 'Not_A_Project'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--gcp-project Not_A_Project: not a GCP project id');
    const orphan = await runCli(['scan', '--endpoint-url', sb.url, 'x.json'], { cwd: dir });
    expect(orphan.stderr).toContain('--endpoint-url needs --aws or --gcp-project');
  });
});
