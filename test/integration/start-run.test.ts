import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRunSummary } from '../../cli/run-summary-report';
import { runStart, type StartResult } from '../../cli/start-run';
import { targetLabel } from '../../core/target';
import { parseFindingsJson } from '../../outputs/findings-json';
import type { RunSummary } from '../../pipeline/run-summary';
import { DiscoverOutput } from '../../pipeline/types';
import { ACCOUNT_A, ACCOUNT_B, awsEstate, REGION } from './sandbox/estates';
import { gcpAzureEstate, PROJECT, SUB_1, SUB_2 } from './sandbox/gcp-azure-estates';

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
    expect(byLabel[`azure:${SUB_1}`]).toMatchObject({ status: 'ok', clusters: 5 });
    // The GKE project has an unreachable zone: partial, not lost.
    expect(byLabel[`gcp:${PROJECT}`]).toMatchObject({ status: 'partial', clusters: 4 });
    // Six scopes, three of them without a cluster (below): three targets.
    expect(targets.total).toBe(3);
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
    expect(summary.keys.filter((k) => k.endsWith('/snapshot.json'))).toHaveLength(3);
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

  it("runs discover's listing, as the deployed discover does: each scope listed once, empty scopes not audited", async () => {
    /** Calls the sandbox served of an operation, for one scope (`account/region`, project...). */
    const served = (operation: string, scope: string) =>
      result.apiCalls
        .filter((e) => e.operation === operation && e.target === scope)
        .reduce((n, e) => n + e.count, 0);
    const emptyScopes = [`aws:${ACCOUNT_B}/${REGION}`, 'gcp:empty-project', `azure:${SUB_2}`];

    // The empty scopes were listed, have no target and are reported as empty.
    expect(result.summary.targets.emptyScopes).toEqual(emptyScopes);
    const labels = result.summary.targets.results.map((t) => t.label);
    for (const scope of emptyScopes) expect(labels).not.toContain(scope);
    expect(formatRunSummary(result.summary)).toContain(
      `Listed with no cluster, nothing to audit: ${emptyScopes.join(', ')}`,
    );
    const targetsKey = result.summary.keys.find((k) => k.endsWith('/targets.json'));
    if (targetsKey === undefined) throw new Error('the run has no targets.json');
    const discovered = DiscoverOutput.parse(
      JSON.parse(await readFile(join(result.objectsDir, targetsKey), 'utf8')),
    );
    expect(discovered.emptyScopes).toEqual(emptyScopes);
    // An empty scope cost its listing and nothing else.
    expect(served('eks:ListClusters', `${ACCOUNT_B}/${REGION}`)).toBe(1);
    expect(served('container:ListClusters', 'empty-project')).toBe(1);
    expect(served('containerservice:ListManagedClusters', SUB_2)).toBe(1);
    const touching = (scope: string) =>
      result.apiCalls
        .filter((e) => e.target === scope && !e.operation.startsWith('sts:'))
        .map((e) => e.operation);
    expect(touching(`${ACCOUNT_B}/${REGION}`)).toEqual(['eks:ListClusters']);
    expect(touching('empty-project')).toEqual(['container:ListClusters']);
    expect(touching(SUB_2)).toEqual(['containerservice:ListManagedClusters']);

    // A listed scope's target names its clusters, and its audit does not list them again.
    const byLabel = new Map(discovered.targets.map((t) => [targetLabel(t), t]));
    expect(byLabel.get(`aws:${ACCOUNT_A}/${REGION}`)).toMatchObject({
      clusters: ['c01', 'c02', 'c03'],
    });
    expect(served('eks:ListClusters', `${ACCOUNT_A}/${REGION}`)).toBe(1);
    expect(byLabel.get(`azure:${SUB_1}`)).toMatchObject({
      clusters: ['rg1/aks-a', 'rg1/aks-b', 'rg2/aks-c', 'rg2/aks-d', 'rg2/aks-e'],
    });
    // Five clusters at two a page: three pages, once.
    expect(served('containerservice:ListManagedClusters', SUB_1)).toBe(3);
    // The GKE listing missed a zone: the project stays whole and its audit lists (and reports).
    expect(byLabel.get(`gcp:${PROJECT}`)?.clusters).toBeUndefined();
    expect(served('container:ListClusters', PROJECT)).toBe(2);
  });
});
