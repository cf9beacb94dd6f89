import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import { Finding } from '../../core/finding';
import { runCli } from '../cli-run';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-cmd-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('mk8s-audit', () => {
  it('lists its commands and rejects an unknown one with exit 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['start', 'scan', 'collect', 'checks']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\s`, 'm'));
    }
    const unknown = await runCli(['scna']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("mk8s-audit: unknown command 'scna'");
  });

  it('checks: lists every check with provider, severity, family and CIS ids', async () => {
    const run = await runCli(['checks']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^id\s+provider\s+severity\s+family\s+CIS\s+title$/m);
    for (const check of ALL_CHECKS) {
      expect(run.stdout).toContain(check.meta.id);
      expect(run.stdout).toContain(check.meta.title);
    }
    expect(run.stdout).toMatch(
      /^eks-endpoint-public-access\s+eks\s+medium\s+api-endpoint-exposure\s+5\.4\.2\s+/m,
    );
  });

  it('checks --framework: requirement → checks, manual-only requirements shown', async () => {
    const run = await runCli(['checks', '--framework', 'cis-eks-1.8.0']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^5\.4\.2\s+automated\s+.*eks-endpoint-public-access/m);
    expect(run.stdout).toMatch(/^5\.1\.4\s+manual\s+\(manual\)\s+Minimize Container Registries/m);
    expect(run.stdout).toMatch(/^17 requirements: \d+ covered by checks, 1 manual-only/m);

    const bad = await runCli(['checks', '--framework', 'cis-eks-9']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--framework cis-eks-9: unknown framework (known: cis-eks-1.8.0');
  });

  it('checks --json: the metadata of every check', async () => {
    const run = await runCli(['checks', '--json', '--provider', 'eks']);
    expect(run.code).toBe(0);
    const metas = JSON.parse(run.stdout) as { id: string; provider: string }[];
    expect(metas.length).toBe(ALL_CHECKS.filter((c) => c.meta.provider === 'eks').length);
    expect(metas.every((m) => m.provider === 'eks')).toBe(true);
  });

  it('start: runs the whole pipeline on the sample estate and writes out/', async () => {
    const run = await runCli(['start'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Failures by severity:');
    expect(run.stdout).toMatch(
      /^Security Hub \(owner-account, us-east-1\): sent (\d+) of \1 findings in \d+ calls: \1 new, 0 updated/m,
    );
    expect(run.stdout).toContain('out/findings.json');
    const findings = Finding.array().parse(
      JSON.parse(await readFile(join(dir, 'out', 'findings.json'), 'utf8')),
    );
    expect(new Set(findings.map((f) => f.provider))).toContain('eks');
    const summary = JSON.parse(await readFile(join(dir, 'out', 'run-summary.json'), 'utf8')) as {
      format: string;
      findings: { total: number };
      targets: {
        emptyScopes: string[];
        results: { label: string; target: { clusters?: string[] } }[];
      };
    };
    expect(summary.format).toBe('mk8s-audit-run-summary');
    expect(summary.findings.total).toBe(findings.length);
    // Discover listed every scope, as deployed: each target names its clusters, except the GKE
    // project with an unreachable zone (audited whole, so its audit lists and reports it).
    expect(summary.targets.emptyScopes).toEqual([]);
    expect(
      summary.targets.results.filter((t) => t.target.clusters === undefined).map((t) => t.label),
    ).toEqual(['gcp:acme-dev-gke']);
    expect(summary.targets.results.length).toBe(8);
  });
});
