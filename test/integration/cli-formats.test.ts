import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../core/finding';
import { CSV_COLUMNS } from '../../outputs/csv';
import { runCli } from '../cli-run';
import { fixture } from '../fixture';
import { eventClass, validateEvent } from '../helpers/ocsf-schema';

type Json = Record<string, unknown>;
const AS_OF = ['--as-of', '2026-11-28T00:00:00Z'];

let dir: string;
const path = (...p: string[]) => join(dir, ...p);
const read = (...p: string[]) => readFile(path(...p), 'utf8');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-cli-formats-'));
  await mkdir(path('in'), { recursive: true });
  const c = fixture<{ cluster: Json }>('aws/eks/describe-cluster.json').cluster;
  await writeFile(path('in', 'describe.json'), JSON.stringify({ cluster: c }));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('mk8s-audit scan --format', () => {
  it('writes every requested file into --out, and each scan extends the report trend', async () => {
    const args = ['scan', '-i', 'in', '--out', 'out', '--format', 'json,ocsf,csv,html'];
    const first = await runCli([...args, ...AS_OF], { cwd: dir });
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      'Findings written to out/findings.json, out/findings.ocsf.json, out/findings.csv, out/report.html',
    );
    expect((await readdir(path('out'))).sort()).toEqual([
      'findings.csv',
      'findings.json',
      'findings.ocsf.json',
      'history.json',
      'report.html',
    ]);

    const findings = Finding.array().parse(JSON.parse(await read('out', 'findings.json')));
    const events = JSON.parse(await read('out', 'findings.ocsf.json')) as Json[];
    const cls = eventClass('findings/compliance_finding.json');
    expect(events.map((e) => (e['finding_info'] as Json)['uid'])).toEqual(
      findings.map((f) => f.id),
    );
    for (const e of events) expect(validateEvent(e, cls)).toEqual([]);
    const csv = await read('out', 'findings.csv');
    expect(csv.startsWith(`${CSV_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(await read('out', 'report.html')).toContain('No earlier runs were given');

    const second = await runCli([...args, '--as-of', '2026-11-29T00:00:00Z'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(JSON.parse(await read('out', 'history.json'))).toHaveLength(2);
    expect(await read('out', 'report.html')).toContain('Trend over the last 2 runs');
  });

  it('names a bad format and asks for --aws with asff', async () => {
    const bad = await runCli(['scan', '-i', 'in', '--out', 'out-bad', '--format', 'json,pdf'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--format: unknown format "pdf"; use one or more of json, ocsf, asff, csv, html',
    );
    const asff = await runCli(['scan', '-i', 'in', '--out', 'out-bad', '--format', 'asff'], {
      cwd: dir,
    });
    expect(asff.code).toBe(2);
    expect(asff.stderr).toContain('--format asff needs --aws');
  });
});
