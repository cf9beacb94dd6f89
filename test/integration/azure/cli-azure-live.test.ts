import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScanProgress } from '../../../cli/progress';
import { runScan } from '../../../cli/scan-run';
import { fakeAzureCredential } from '../../../sandbox/clients';
import { type Sandbox, startSandbox } from '../../../sandbox/server';
import { runCli } from '../../cli-run';
import { aksEstate, SUB, SUB_EMPTY } from './aks-estate';

let sb: Sandbox;
let out: string;
beforeAll(async () => {
  sb = await startSandbox({ estate: aksEstate() });
  out = await mkdtemp(join(tmpdir(), 'mk8s-azure-'));
});
afterAll(async () => {
  await sb.stop();
  await rm(out, { recursive: true, force: true });
});

describe('scan --azure-subscription / --azure-all-subscriptions', () => {
  it('audits the named subscription live', async () => {
    const result = await runScan({
      inputs: [],
      outDir: out,
      now: new Date('2026-11-28T00:00:00Z'),
      azure: {
        subscriptions: [SUB],
        allSubscriptions: false,
        endpoint: sb.url,
        credential: fakeAzureCredential,
      },
    });
    expect(result.problems).toEqual([]);
    expect(result.sources).toEqual([`azure:${SUB}`]);
    expect(result.snapshots.map((s) => s.ref.name)).toEqual([
      'aks-public',
      'aks-private',
      'aks-rbac',
    ]);
    expect(result.findings.filter((f) => f.provider === 'aks').length).toBeGreaterThanOrEqual(
      3 * 42,
    );
  });

  it('adds every visible subscription with --azure-all-subscriptions', async () => {
    const result = await runScan({
      inputs: [],
      outDir: out,
      azure: {
        subscriptions: [],
        allSubscriptions: true,
        endpoint: sb.url,
        credential: fakeAzureCredential,
      },
    });
    expect(result.sources).toEqual([`azure:${SUB}`, `azure:${SUB_EMPTY}`]);
  });

  it('shows targets and clusters done/total on a terminal as the collectors report them', async () => {
    const writes: string[] = [];
    const tty = { isTTY: true, write: (t: string) => writes.push(t) };
    const result = await runScan({
      inputs: [],
      outDir: out,
      progress: createScanProgress(tty, false),
      azure: {
        subscriptions: [],
        allSubscriptions: true,
        endpoint: sb.url,
        credential: fakeAzureCredential,
      },
    });
    expect(result.snapshots).toHaveLength(3);
    // The last line before the clearing one: every listed subscription and cluster finished.
    expect(writes.at(-2)).toContain('Auditing: targets 2/2 · clusters 3/3');
    expect(writes.at(-1)).toBe('\r\u001b[2K');
  });

  it('reports a subscription whose clusters cannot be listed as a problem (exit 2), keeping the rest', async () => {
    sb.faults.add({
      kind: 'access-denied',
      operation: 'containerservice:ListManagedClusters',
      target: SUB_EMPTY,
    });
    const result = await runScan({
      inputs: [],
      outDir: out,
      azure: {
        subscriptions: [SUB, SUB_EMPTY],
        allSubscriptions: false,
        endpoint: sb.url,
        credential: fakeAzureCredential,
      },
    });
    sb.faults.clear();
    expect(result.snapshots).toHaveLength(3);
    expect(result.problems).toEqual([
      expect.objectContaining({
        source: `azure:${SUB_EMPTY}`,
        reason: expect.stringContaining('ManagedClusters.List'),
      }),
    ]);
    expect(result.exitCode).toBe(2);
  });

  it('rejects a subscription that is not a GUID with exit 2', async () => {
    const run = await runCli(['scan', '--azure-subscription', 'prod']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--azure-subscription prod: not a subscription id');
  });
});
