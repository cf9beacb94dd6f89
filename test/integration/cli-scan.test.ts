import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EKS_CHECKS } from '../../checks/eks/index';
import { Finding } from '../../core/finding';
import { runCli } from '../cli-run';
import { fixture } from '../fixture';

type Json = Record<string, unknown>;
const AS_OF = ['--as-of', '2026-11-28T00:00:00Z'];

/** The docs' DescribeCluster example under another name, account and region. */
function exampleCluster(name: string, account = '111122223333', region = 'us-east-2'): Json {
  const c = fixture<{ cluster: Json }>('aws/eks/describe-cluster.json').cluster;
  return { ...c, name, arn: `arn:aws:eks:${region}:${account}:cluster/${name}` };
}

let dir: string;
const path = (...p: string[]) => join(dir, ...p);
/** Inputs go to `in/`, next to the `out-*` directories of the runs. */
const write = (file: string, body: unknown) =>
  writeFile(path('in', file), typeof body === 'string' ? body : JSON.stringify(body));
const findingsIn = async (out: string) =>
  Finding.array().parse(JSON.parse(await readFile(path(out, 'findings.json'), 'utf8')));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-cli-'));
  await mkdir(path('in', 'nested'), { recursive: true });
  await write('describe.json', { cluster: exampleCluster('alpha') });
  await write('nested/list.json', [
    exampleCluster('beta', '444455556666', 'eu-west-1'),
    { cluster: exampleCluster('gamma') },
  ]);
  // Saved by Windows PowerShell: UTF-8 with a byte-order mark.
  await write('nested/bom.json', `\uFEFF${JSON.stringify({ cluster: exampleCluster('delta') })}`);
  await write('invalid.json', '{"cluster": {"name": "x",');
  await write('unknown.json', { clusters: ['prod', 'qa'] });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('mk8s-audit scan', () => {
  it('audits every cluster of every file and writes findings.json with every field', async () => {
    const run = await runCli(
      ['scan', '--input', 'in/describe.json', 'in/nested/list.json', '--out', 'out-ok', ...AS_OF],
      { cwd: dir },
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Scanned 2 inputs: 3 clusters');
    expect(run.stdout).toContain('Findings written to out-ok/findings.json');

    const findings = await findingsIn('out-ok');
    // Every EKS check ran on every cluster.
    const pairs = new Set(findings.map((f) => `${f.resourceName}/${f.checkId}`));
    for (const name of ['alpha', 'beta', 'gamma']) {
      for (const check of EKS_CHECKS) expect(pairs).toContain(`${name}/${check.meta.id}`);
    }
    const beta = findings.find(
      (f) => f.resourceName === 'beta' && f.checkId === 'eks-endpoint-public-access',
    );
    expect(beta).toMatchObject({
      provider: 'eks',
      cloud: 'aws',
      resourceId: 'arn:aws:eks:eu-west-1:444455556666:cluster/beta',
      account: '444455556666',
      region: 'eu-west-1',
      status: 'fail',
      severity: 'medium',
      evidence: [{ path: 'cluster.resourcesVpcConfig.endpointPublicAccess', value: true }],
      source: { kind: 'export', file: 'in/nested/list.json', format: 'aws-eks-describe-cluster' },
    });
    expect(beta?.id).toMatch(/^eks-endpoint-public-access\/[0-9a-f]{32}$/);
    expect(beta?.message).toContain('beta');
    // The summary counts what the file holds.
    const fails = findings.filter((f) => f.status === 'fail').length;
    expect(run.stdout).toMatch(new RegExp(`eks\\s+\\d+\\s+${fails}\\s`));
  });

  it('reads a directory recursively and reports bad files while auditing the rest (exit 2)', async () => {
    const run = await runCli(['scan', '--input', path('in'), '--out', path('out-dir'), ...AS_OF]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('2 inputs could not be read (the rest was audited):');
    expect(run.stderr).toMatch(/invalid\.json: invalid JSON: /);
    expect(run.stderr).toMatch(/unknown\.json: not a known export \(known formats: /);
    const names = new Set((await findingsIn('out-dir')).map((f) => f.resourceName));
    expect(names).toEqual(new Set(['alpha', 'beta', 'gamma', 'delta']));
  });

  it('does not read its own output directory when scanning the folder that holds it', async () => {
    await mkdir(path('self'), { recursive: true });
    await writeFile(path('self', 'a.json'), JSON.stringify({ cluster: exampleCluster('self') }));
    const first = await runCli(['scan', '.', '--out', 'out'], { cwd: path('self') });
    expect(first.code).toBe(0);
    const again = await runCli(['scan', '.', '--out', 'out'], { cwd: path('self') });
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Scanned 1 input: 1 cluster');
  });

  it('names a missing file (exit 2) and still audits the others', async () => {
    const run = await runCli(
      ['scan', '-i', 'in/describe.json', '-i', 'in/nope.json', '-o', 'out-missing'],
      { cwd: dir },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('in/nope.json: no such file or directory');
    expect((await findingsIn('out-missing')).some((f) => f.resourceName === 'alpha')).toBe(true);
  });

  it('exits 2 on a value of the wrong type, naming the file and the field', async () => {
    const bad = exampleCluster('bad');
    bad['resourcesVpcConfig'] = { endpointPublicAccess: 'yes' };
    await write('wrong-type.json', { cluster: bad });
    const run = await runCli(['scan', 'in/wrong-type.json', '--out', 'out-type'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'in/wrong-type.json: invalid aws-eks-describe-cluster input: cluster: resourcesVpcConfig.endpointPublicAccess:',
    );
    expect(await findingsIn('out-type')).toEqual([]);
  });

  it('exits 1 with --fail-on when a failure is at or above the threshold', async () => {
    const run = await runCli(
      ['scan', 'in/describe.json', '--out', 'out-fail', '--fail-on', 'medium', ...AS_OF],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const failed = (await findingsIn('out-fail')).filter((f) => f.status === 'fail');
    expect(failed.some((f) => f.checkId === 'eks-endpoint-public-access')).toBe(true);
  });

  it('exits 0 with --fail-on when no failure reaches the threshold', async () => {
    const hardened = exampleCluster('hardened');
    hardened['version'] = '1.35';
    hardened['resourcesVpcConfig'] = {
      ...(hardened['resourcesVpcConfig'] as Json),
      endpointPublicAccess: false,
      publicAccessCidrs: ['0.0.0.0/0'],
    };
    hardened['encryptionConfig'] = [
      {
        resources: ['secrets'],
        provider: {
          keyArn: 'arn:aws:kms:us-east-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        },
      },
    ];
    hardened['accessConfig'] = { authenticationMode: 'API' };
    hardened['deletionProtection'] = true;
    await write('hardened.json', { cluster: hardened });
    const run = await runCli(
      ['scan', 'in/hardened.json', '--out', 'out-hardened', '--fail-on', 'low', ...AS_OF],
      { cwd: dir },
    );
    const failed = (await findingsIn('out-hardened')).filter((f) => f.status === 'fail');
    expect(failed.map((f) => `${f.checkId}: ${f.message}`)).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('No check failed.');
  });

  it('rejects unknown flags, bad values and nothing to scan with exit 2', async () => {
    const unknown = await runCli(['scan', '--input', 'x.json', '--verbose']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toContain("mk8s-audit scan: Unknown option '--verbose'");
    expect(unknown.stderr).toContain("Run 'mk8s-audit scan --help' for usage.");

    const severity = await runCli(['scan', 'x.json', '--fail-on', 'severe']);
    expect(severity.code).toBe(2);
    expect(severity.stderr).toContain('--fail-on severe: not a severity');

    const nothing = await runCli(['scan']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to scan');
  });

  it('prints its help with exit 0', async () => {
    const run = await runCli(['scan', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mk8s-audit scan --input <file|dir>...');
    expect(run.stdout).toContain('Exit codes:');
  });
});
