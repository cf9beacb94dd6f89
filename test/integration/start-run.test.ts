import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStart, type StartResult } from '../../cli/start-run';
import { parseFindingsJson } from '../../outputs/findings-json';
import type { RunSummary } from '../../pipeline/run-summary';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './sandbox/estates';
import { gcpAzureEstate } from './sandbox/gcp-azure-estates';

let dir: string;
let result: StartResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mk8s-start-'));
  const estateFile = join(dir, 'estate.json');
  await writeFile(estateFile, JSON.stringify({ ...awsEstate(3), ...gcpAzureEstate() }));
  result = await runStart({ estateFile, outDir: join(dir, 'out') });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('runStart (sandbox cloud + s3rver, real clients)', () => {
  it('audits every target of the estate through the pipeline', () => {
    const { targets } = result.summary;
    const byLabel = Object.fromEntries(targets.results.map((t) => [t.label, t]));
    expect(byLabel[`aws:${ACCOUNT_A}/${REGION}`]).toMatchObject({ status: 'ok', clusters: 3 });
    // The second account is reached through the member role and has no cluster.
    expect(byLabel[`aws:${ACCOUNT_B}/${REGION}`]).toMatchObject({ status: 'ok', clusters: 0 });
    expect(targets.total).toBe(6);
    // Every cloud with a collector is audited; one this build cannot collect is reported,
    // target by target, never skipped.
    const collected = targets.results.filter(
      (t) => !result.missingCollectors.includes(t.target.cloud),
    );
    expect(collected.map((t) => t.target.cloud)).toContain('gcp');
    expect(collected.filter((t) => t.status === 'failed')).toEqual([]);
    for (const cloud of result.missingCollectors) {
      const missing = targets.results.filter((t) => t.target.cloud === cloud);
      expect(missing.length).toBeGreaterThan(0);
      expect(
        missing.every((t) => t.status === 'failed' && t.errors[0]?.code === 'NoCollector'),
      ).toBe(true);
    }
  });

  it('writes findings.json and run-summary.json to the out directory, equal to the S3 objects', async () => {
    const findings = parseFindingsJson(
      await readFile(result.findingsFile, 'utf8'),
      result.findingsFile,
    );
    expect(findings.length).toBe(result.summary.findings.total);
    expect(findings.filter((f) => f.provider === 'eks')).toHaveLength(
      result.summary.findings.byCloud.aws.pass +
        result.summary.findings.byCloud.aws.fail +
        result.summary.findings.byCloud.aws.unknown +
        result.summary.findings.byCloud.aws.not_applicable,
    );
    expect(
      findings.some((f) => f.checkId === 'eks-endpoint-public-access' && f.status === 'fail'),
    ).toBe(true);
    const summary = JSON.parse(await readFile(result.summaryFile, 'utf8')) as RunSummary;
    expect(summary).toEqual(result.summary);
    const copied = await readFile(
      join(
        result.objectsDir,
        summary.keys.find((k) => k.endsWith('/findings.json') && !k.includes('/targets/'))!,
      ),
      'utf8',
    );
    expect(parseFindingsJson(copied, 'copy')).toEqual(findings);
    expect(summary.keys.filter((k) => k.endsWith('/snapshot.json'))).toHaveLength(6);
    expect(await readFile(result.reportFile, 'utf8')).toContain('<html');
  });

  it('imports the findings into the sandbox Security Hub', () => {
    const sh = result.summary.securityHub;
    if (!sh.enabled) throw new Error('expected Security Hub import');
    expect(sh.submitted).toBe(result.summary.findings.total);
    // At most 100 findings per call, per destination (account and Region).
    expect(sh.calls).toBe(sh.destinations.reduce((n, d) => n + Math.ceil(d.submitted / 100), 0));
    expect(sh.productArn).toBe(
      `arn:aws:securityhub:us-east-1:${ACCOUNT_A}:product/${ACCOUNT_A}/default`,
    );
    // The sandbox validates every finding against the Security Hub model: all must pass.
    expect(sh).toMatchObject({ imported: sh.submitted, failed: 0, failures: [] });
  });
});
