import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../checks/index';
import { silentLogger } from '../../core/logger';
import { createFsStore } from '../../outputs/fs-store';
import { stateKey } from '../../outputs/securityhub-state';
import { parseRunConfig } from '../../pipeline/run-config';
import { runLocal } from '../../pipeline/run-local';
import { createAwsCollector } from '../../providers/aws/collector';
import { awsClientConfig } from '../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../sandbox/server';
import { runCli } from '../cli-run';
import { ACCOUNT_A, awsEstate, REGION } from './sandbox/estates';

let sb: Sandbox;
let dir: string;
let findings: number;

beforeAll(async () => {
  sb = await startSandbox({ estate: awsEstate(1) });
  dir = mkdtempSync(join(tmpdir(), 'mk8s-cli-publish-'));
  // A stored run, as the deployed pipeline leaves it (publish will merge it).
  const config = parseRunConfig({ aws: { accounts: [ACCOUNT_A], regions: [REGION] } });
  const { credentials } = awsClientConfig(sb.url);
  const { published } = await runLocal(config, {
    store: createFsStore(dir),
    collectors: { aws: createAwsCollector({ endpoint: sb.url, credentials }) },
    checks: ALL_CHECKS,
    clock: () => new Date('2026-11-28T03:00:00Z'),
    logger: silentLogger,
  });
  findings = published.summary.findings.total;
}, 60_000);
afterAll(async () => {
  await sb?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const hubArgs = ['--mode', 'central', '--region', 'us-east-1'];
const sandboxEnv = {
  AWS_ACCESS_KEY_ID: 'AKIASANDBOXCALLER00',
  AWS_SECRET_ACCESS_KEY: 'sandbox-secret',
};

describe('mk8s-audit publish', () => {
  it('--dry-run prints what the latest run would import, and imports and writes nothing', async () => {
    const run = await runCli([
      'publish',
      '--dir',
      dir,
      '--dry-run',
      '--account',
      ACCOUNT_A,
      ...hubArgs,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('dry run: nothing imported');
    expect(run.stdout).toContain(
      `Security Hub (central, us-east-1): would send ${findings} findings (planned): ${findings} new, 0 updated`,
    );
    expect(run.stdout).toMatch(/^ {2}new {7}FAILED {8}eks-endpoint-public-access\//m);
    expect(existsSync(join(dir, stateKey(`aws:${ACCOUNT_A}/${REGION}`)))).toBe(false);
    expect(sb.securityHub.imports.calls).toBe(0);
  });

  it('imports for real, then a dry run has nothing left to send', async () => {
    const real = await runCli(['publish', '--dir', dir, '--endpoint', sb.url, ...hubArgs], {
      env: sandboxEnv,
    });
    expect(real.stderr).toBe('');
    expect(real.stdout).toContain(`sent ${findings} of ${findings} findings`);
    expect(sb.securityHub.size).toBe(findings);
    expect(existsSync(join(dir, stateKey(`aws:${ACCOUNT_A}/${REGION}`)))).toBe(true);
    const again = await runCli([
      'publish',
      '--dir',
      dir,
      '--dry-run',
      '--account',
      ACCOUNT_A,
      ...hubArgs,
    ]);
    expect(again.stdout).toContain('would send 0 findings (planned)');
  });

  it('names what is missing or wrong', async () => {
    const none = await runCli(['publish', '--dry-run']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--bucket <name> or --dir <path>');
    const empty = mkdtempSync(join(tmpdir(), 'mk8s-cli-publish-empty-'));
    try {
      const noRun = await runCli(['publish', '--dir', empty, '--dry-run', '--account', ACCOUNT_A]);
      expect(noRun.code).toBe(2);
      expect(noRun.stderr).toContain('the store holds no run');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    const badMode = await runCli(['publish', '--dir', dir, '--dry-run', '--mode', 'sideways']);
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain('securityHub.mode');
    // Three CLI processes, each loading the whole program: slow on a busy machine.
  }, 90_000);
});
