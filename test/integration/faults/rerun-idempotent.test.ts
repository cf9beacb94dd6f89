import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measure } from '../../../bench/faults/measure';
import {
  type Baseline,
  cleanBaseline,
  DAY_BEFORE,
  FAULT_DAY,
} from '../../../bench/faults/run-scenario';
import {
  type DayRun,
  runDay,
  securityHubState,
  startWorld,
  type World,
} from '../../../bench/faults/world';
import { isCoverageFinding, isCoverageGap } from '../../../core/coverage';
import type { Finding } from '../../../core/finding';
import { runPrefix } from '../../../pipeline/keys';
import type { StoredFinding } from '../../../sandbox/aws/securityhub-store';
import { SAMPLE_ESTATE_FILE } from '../../../sandbox/sample-estate';

/**
 * Re-running the same day after a partial failure completes the missing targets and changes
 * nothing else: the clean run of the day before, a run where one AWS account is denied and
 * Google Cloud cannot be reached, then the same day's re-run with the world healthy again, and
 * a third run that must leave Security Hub exactly as it was.
 */
const LATER = new Date(FAULT_DAY.getTime() + 2 * 3600_000);
const LATEST = new Date(FAULT_DAY.getTime() + 3 * 3600_000);

/** A finding without the time it was collected: what must not change between runs. */
const stable = (f: Finding) => ({ ...f, source: f.source.kind });
const byId = (findings: readonly Finding[]) =>
  new Map(findings.filter((f) => !isCoverageFinding(f)).map((f) => [f.id, stable(f)]));

let world: World;
let baseline: Baseline;
let partial: DayRun;
let rerun: DayRun;
let hubAfterPartial: StoredFinding[];
let hubAfterRerun: StoredFinding[];
let partialObjects: Map<string, string | undefined>;

async function objectsUnder(prefix: string): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const key of await world.store.list(prefix)) out.set(key, await world.store.get(key));
  return out;
}

beforeAll(async () => {
  baseline = await cleanBaseline(SAMPLE_ESTATE_FILE);
  world = await startWorld(SAMPLE_ESTATE_FILE);
  await runDay(world, { at: DAY_BEFORE });
  world.sandbox.faults.add({ kind: 'access-denied', target: '444455556666' });
  partial = await runDay(world, { at: FAULT_DAY, unreachable: 'gcp' });
  world.sandbox.faults.clear();
  hubAfterPartial = securityHubState(world);
  partialObjects = await objectsUnder(runPrefix(partial.output.published.run));
  rerun = await runDay(world, { at: LATER });
  hubAfterRerun = securityHubState(world);
}, 180_000);

afterAll(async () => {
  await world?.stop();
});

describe('re-running the same day after a partial failure', () => {
  it('had a partial failure to recover from', () => {
    expect(partial.output.published.summary.targets.byStatus.failed).toBe(4);
    expect(partial.output.published.run.date).toBe(rerun.output.published.run.date);
  });

  it('completes the missing targets: the same findings as a clean run', () => {
    expect(rerun.output.published.summary.targets.byStatus).toEqual(
      baseline.summary.targets.byStatus,
    );
    expect(byId(rerun.findings)).toEqual(byId(baseline.findings));
    // The coverage findings too: the same gaps, and the same targets and clusters covered.
    const coverage = (findings: readonly Finding[]) =>
      findings
        .filter(isCoverageFinding)
        .map((f) => `${f.id} ${f.status}`)
        .sort();
    expect(coverage(rerun.findings)).toEqual(coverage(baseline.findings));
  });

  it('changes nothing in the results of the targets the failed run did audit', () => {
    const audited = new Set(
      partial.output.published.summary.targets.results
        .filter((t) => t.status !== 'failed')
        .map((t) => t.label),
    );
    const ofAudited = (findings: readonly Finding[]) =>
      byId(
        findings.filter((f) =>
          audited.has(
            f.cloud === 'aws' ? `aws:${f.account}/${f.region}` : `${f.cloud}:${f.account}`,
          ),
        ),
      );
    expect(ofAudited(rerun.findings)).toEqual(ofAudited(partial.findings));
  });

  it('leaves Security Hub complete, with no archive and no wrong pass', () => {
    const report = measure({
      scenario: 'rerun',
      baseline,
      run: { findings: rerun.findings, summary: rerun.output.published.summary },
      hubBefore: hubAfterPartial,
      hubAfter: hubAfterRerun,
      transient: true,
    });
    expect(report.notes).toEqual([]);
    expect(report).toMatchObject({ findingsLost: 0, wrongSecurityHubChanges: 0, outcome: 'ok' });
    // One record per finding: the re-run updated, it did not duplicate.
    const ids = hubAfterRerun.map((f) => String(f['Id']));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('resolves the coverage findings of the failed run in Security Hub', () => {
    const open = hubAfterRerun
      .filter(
        (f) =>
          String(f['GeneratorId']) === 'mk8s-audit-coverage' &&
          f['RecordState'] === 'ACTIVE' &&
          (f['Compliance'] as { Status?: string } | undefined)?.Status === 'FAILED',
      )
      .map((f) => String(f['Id']))
      .sort();
    expect(open).toEqual(
      rerun.findings
        .filter(isCoverageGap)
        .map((f) => f.id)
        .sort(),
    );
  });

  it('leaves the failed run as it was stored', async () => {
    expect(await objectsUnder(runPrefix(partial.output.published.run))).toEqual(partialObjects);
  });

  it('changes nothing in Security Hub when run once more', async () => {
    await runDay(world, { at: LATEST });
    expect(securityHubState(world)).toEqual(hubAfterRerun);
  }, 60_000);
});
