import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Finding } from '../../core/finding';
import { runCli } from '../cli-run';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples', 'eks');
const AS_OF = '2026-12-31T23:59:59Z';

const MUTELIST = `# accepted risks
entries:
  - checks: [eks-endpoint-public-access, eks-endpoint-public-cidrs-open]
    reason: Office CIDRs only until the VPN cut-over (RISK-142)
    owner: platform-team
    expires: 2026-12-31
  - checks: [gke-no-such-check]
    reason: typo
    owner: dev
    expires: 2027-06-30
  - checks: ["*"]
    reason: everything, long ago
    owner: someone
    expires: 2026-01-31
`;

let dir: string;
let mutelist: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-mute-'));
  mutelist = join(dir, 'mutelist.yaml');
  await writeFile(mutelist, MUTELIST);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const readFindings = async (out: string) =>
  Finding.array().parse(JSON.parse(await readFile(join(out, 'findings.json'), 'utf8')));

describe('mk8s-audit scan --mutelist', () => {
  it('marks matching results muted on the last day of the entry, keeping their status', async () => {
    const out = join(dir, 'out');
    const run = await runCli([
      'scan',
      '-i',
      SAMPLES,
      '--out',
      out,
      '--as-of',
      AS_OF,
      '--mutelist',
      mutelist,
      '--format',
      'json,html',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Mutelist ${mutelist} (judged on 2026-12-31 UTC): 1 active, 1 unused, 1 expired;`,
    );
    const findings = await readFindings(out);
    const muted = findings.filter((f) => f.muted);
    expect(muted.length).toBeGreaterThan(0);
    expect(new Set(muted.map((f) => f.checkId))).toEqual(
      new Set(['eks-endpoint-public-access', 'eks-endpoint-public-cidrs-open']),
    );
    expect(muted.some((f) => f.status === 'fail')).toBe(true);
    expect(muted.every((f) => f.exception?.owner === 'platform-team')).toBe(true);
    const html = await readFile(join(out, 'report.html'), 'utf8');
    expect(html).toContain('<section id="exceptions">');
  });

  it('a muted failure does not trip --fail-on; the day after the entry expires it does', async () => {
    const failing = (await readFindings(join(dir, 'out'))).filter(
      (f) => f.status === 'fail' && f.severity !== 'informational',
    );
    // Mute every failure of the samples for one day.
    const all = join(dir, 'all.json');
    await writeFile(
      all,
      JSON.stringify({
        entries: [{ checks: ['*'], reason: 'demo', owner: 'me', expires: '2026-12-31' }],
      }),
    );
    expect(failing.length).toBeGreaterThan(0);
    const args = ['scan', '-i', SAMPLES, '--out', join(dir, 'o2'), '--mutelist', all];
    const muted = await runCli([...args, '--as-of', AS_OF, '--fail-on', 'low']);
    expect(muted.code).toBe(0);
    const expired = await runCli([...args, '--as-of', '2027-01-01T00:00:00Z', '--fail-on', 'low']);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('0 active, 0 unused, 1 expired; 0 results muted');
  });

  it('refuses a bad mutelist before scanning, naming the file, entry and key (exit 2)', async () => {
    const bad = join(dir, 'bad.json');
    await writeFile(
      bad,
      '{"entries":[{"checks":["*"],"reason":"r","owner":"o","expiry":"2026-12-31"}]}',
    );
    const run = await runCli(['scan', '-i', SAMPLES, '--out', join(dir, 'o3'), '--mutelist', bad]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`mk8s-audit scan: ${bad} is not a valid mutelist:`);
    expect(run.stderr).toContain('entries[0].expires: required');
    expect(run.stderr).toContain('entries[0]: unknown key "expiry"');
    const missing = await runCli(['scan', '-i', SAMPLES, '--mutelist', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.yaml: no such mutelist file');
  });
});

describe('mk8s-audit mutelist check', () => {
  it('validates the file and lists what each entry matches in the last run', async () => {
    const run = await runCli([
      'mutelist',
      'check',
      mutelist,
      '--out',
      join(dir, 'out'),
      '--date',
      '2026-12-31',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(
      /is valid: 3 entries, judged on 2026-12-31 \(UTC\) against .*findings\.json \(\d+ results\)/,
    );
    expect(out).toMatch(
      /#0 {2}active {3}expires 2026-12-31 {2}owner platform-team\n.*\n.*\n {4}matches \d+ results \(\d+ failing\):\n {6}fail +eks-endpoint-public/,
    );
    expect(out).toContain('#1  unused ');
    expect(out).toContain('warning: "gke-no-such-check" is neither a check id nor a family');
    expect(out).toMatch(
      /#2 {2}expired .*\n.*\n.*\n {4}would match \d+ results \(\d+ failing\), no longer muted:/,
    );
    // The day after, the first entry is expired too.
    const later = await runCli([
      'mutelist',
      'check',
      mutelist,
      '-o',
      join(dir, 'out'),
      '--date',
      '2027-01-01',
    ]);
    expect(later.stdout).toContain('#0  expired');
  });

  it('still validates without a last run, and fails on a bad file with every problem', async () => {
    const none = await runCli(['mutelist', 'check', mutelist, '--out', join(dir, 'empty')]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('is valid: 3 entries');
    expect(none.stderr).toContain('findings.json does not exist: run a scan');
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'entries:\n  - checks: [x]\n    owner: o\n    reason: r\n');
    const run = await runCli(['mutelist', 'check', bad]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${bad} is not a valid mutelist:\n  entries[0].expires: required`);
    const usage = await runCli(['mutelist', 'lint', bad]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("unknown subcommand 'lint'");
  });
});
