import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../core/finding';
import {
  type CurrentFinding,
  contentHash,
  type ImportDestination,
  nextState,
  type PlanInput,
  planLifecycle,
  targetOf,
} from '../../../outputs/securityhub-lifecycle';
import { emptyState, type SecurityHubState } from '../../../outputs/securityhub-state';
import { eksFinding, gkeFinding } from '../../builders/finding';

const DEST: ImportDestination = { account: '111122223333', region: 'us-east-1', partition: 'aws' };
const DAY = 24 * 3600 * 1000;
const T0 = new Date('2026-11-01T03:00:00.000Z');
const day = (n: number) => new Date(T0.getTime() + n * DAY);

const clusterA = 'arn:aws:eks:us-west-2:012345678910:cluster/a';
const clusterB = 'arn:aws:eks:us-west-2:012345678910:cluster/b';
const TARGET = 'aws:012345678910/us-west-2';

function f(resourceId: string, checkId: string, status: Finding['status'] = 'fail'): Finding {
  return eksFinding({
    resourceId,
    checkId,
    status,
    resourceName: resourceId.split('/').pop() ?? '',
  });
}

const current = (findings: Finding[]): CurrentFinding[] =>
  findings.map((finding) => ({ finding, target: targetOf(finding), destination: DEST }));

/** Runs the plan and accepts every import, as a run whose imports all succeeded. */
function run(
  state: SecurityHubState,
  findings: Finding[],
  now: Date,
  extra: Partial<PlanInput> = {},
) {
  const plan = planLifecycle({
    state,
    current: current(findings),
    completeTargets: new Set([TARGET]),
    now,
    ...extra,
  });
  const kinds = plan.imports.map(
    (p) => `${p.kind} ${p.asff.GeneratorId}@${p.asff.Resources?.[0]?.Id?.split('/').pop()}`,
  );
  return {
    plan,
    kinds,
    state: nextState(state, plan.imports, { runId: `r${now.getTime()}`, now }),
  };
}

describe('planLifecycle', () => {
  const base = [f(clusterA, 'eks-x'), f(clusterA, 'eks-y', 'pass'), f(clusterB, 'eks-x')];

  it('imports everything on the first run, then nothing when nothing changed', () => {
    const first = run(emptyState(TARGET), base, day(0));
    expect(first.kinds).toEqual(['new eks-x@a', 'new eks-y@a', 'new eks-x@b']);
    expect(Object.keys(first.state.findings)).toHaveLength(3);
    const second = run(first.state, base, day(1));
    expect(second.plan.imports).toEqual([]);
    expect(second.plan.unchanged).toBe(3);
  });

  it('re-imports a fixed finding as PASSED/INFORMATIONAL with its first CreatedAt and a later UpdatedAt', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const fixed = [f(clusterA, 'eks-x', 'pass'), base[1] as Finding, base[2] as Finding];
    const second = run(first.state, fixed, day(1));
    expect(second.kinds).toEqual(['passed eks-x@a']);
    const asff = second.plan.imports[0]?.asff;
    expect(asff?.Compliance?.Status).toBe('PASSED');
    expect(asff?.Severity?.Label).toBe('INFORMATIONAL');
    expect(asff?.FindingProviderFields?.Severity?.Label).toBe('INFORMATIONAL');
    expect(asff?.CreatedAt).toBe(day(0).toISOString());
    expect(asff?.FirstObservedAt).toBe(day(0).toISOString());
    expect(asff?.UpdatedAt).toBe(day(1).toISOString());
  });

  it('counts a changed message as an update and a failing-again finding as an update', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const changed = { ...(base[0] as Finding), message: 'Another deciding value.' };
    const second = run(first.state, [changed, base[1] as Finding, base[2] as Finding], day(1));
    expect(second.kinds).toEqual(['updated eks-x@a']);
  });

  it('archives the findings of a deleted cluster (and of a removed check), re-sent whole', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const second = run(first.state, [base[1] as Finding], day(1));
    expect(second.kinds.sort()).toEqual(['archived eks-x@a', 'archived eks-x@b']);
    for (const p of second.plan.imports) {
      expect(p.asff.RecordState).toBe('ARCHIVED');
      expect(p.asff.Title).toBe((base[0] as Finding).title);
      expect(p.asff.CreatedAt).toBe(day(0).toISOString());
    }
    // Archived once, not again.
    expect(run(second.state, [base[1] as Finding], day(2)).plan.imports).toEqual([]);
    // The cluster comes back: its findings are active again, first seen on day 0.
    const back = run(second.state, base, day(3));
    expect(back.kinds.sort()).toEqual(['updated eks-x@a', 'updated eks-x@b']);
    expect(back.plan.imports.every((p) => p.asff.RecordState === 'ACTIVE')).toBe(true);
    expect(back.plan.imports[0]?.asff.FirstObservedAt).toBe(day(0).toISOString());
  });

  it('archives nothing for a target that did not complete (failed, partial, or out of scope)', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const second = run(first.state, [], day(1), { completeTargets: new Set() });
    expect(second.plan.imports).toEqual([]);
    expect(second.state.findings).toEqual(first.state.findings);
  });

  it('leaves a finding as it was when its check now returns unknown', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const unknown = [
      f(clusterA, 'eks-x', 'unknown'),
      f(clusterA, 'eks-y', 'unknown'),
      base[2] as Finding,
    ];
    const second = run(first.state, unknown, day(1));
    expect(second.plan.imports).toEqual([]);
    expect(second.plan.unknownKept).toBe(2);
    // A new finding that is unknown is imported (WARNING): Security Hub has nothing to keep.
    const fresh = run(emptyState(TARGET), [f(clusterA, 'eks-z', 'unknown')], day(0));
    expect(fresh.plan.imports[0]?.asff.Compliance?.Status).toBe('WARNING');
    // So is an archived one whose cluster is back: it is shown again, as WARNING.
    const archived = run(first.state, [], day(2));
    const back = run(archived.state, [f(clusterA, 'eks-x', 'unknown')], day(3));
    expect(back.kinds).toEqual(['updated eks-x@a']);
    expect(back.plan.imports[0]?.asff.RecordState).toBe('ACTIVE');
    expect(back.plan.imports[0]?.asff.Compliance?.Status).toBe('WARNING');
  });

  it('refreshes unchanged open findings once their last import is 7 days old, and no passed ones', () => {
    let state = run(emptyState(TARGET), base, day(0)).state;
    const sent: string[] = [];
    for (let d = 1; d <= 30; d++) {
      const r = run(state, base, day(d));
      state = r.state;
      for (const k of r.kinds) sent.push(`day ${d} ${k}`);
    }
    expect(sent).toEqual([
      'day 7 refreshed eks-x@a',
      'day 7 refreshed eks-x@b',
      'day 14 refreshed eks-x@a',
      'day 14 refreshed eks-x@b',
      'day 21 refreshed eks-x@a',
      'day 21 refreshed eks-x@b',
      'day 28 refreshed eks-x@a',
      'day 28 refreshed eks-x@b',
    ]);
    const three = run(run(emptyState(TARGET), base, day(0)).state, base, day(3), {
      refreshAfterDays: 3,
    });
    expect(three.kinds).toEqual(['refreshed eks-x@a', 'refreshed eks-x@b']);
  });

  it('keeps UpdatedAt increasing when the clock is behind the last import', () => {
    const first = run(emptyState(TARGET), base, day(1));
    const fixed = [f(clusterA, 'eks-x', 'pass')];
    const behind = run(first.state, fixed, day(0));
    expect(Date.parse(behind.plan.imports[0]?.asff.UpdatedAt ?? '')).toBe(day(1).getTime() + 1);
  });

  it('uses the first of findings sharing an id and reports the id', () => {
    const twin = f(clusterA, 'eks-x');
    const r = run(emptyState(TARGET), [twin, { ...twin, message: 'other' }], day(0));
    expect(r.plan.imports).toHaveLength(1);
    expect(r.plan.duplicateIds).toEqual([twin.id]);
  });

  it('archives a finding where it was when its destination changes, and imports it at the new one', () => {
    const first = run(emptyState(TARGET), [f(clusterA, 'eks-x')], day(0));
    const owner: ImportDestination = {
      account: '012345678910',
      region: 'us-west-2',
      partition: 'aws',
    };
    const plan = planLifecycle({
      state: first.state,
      current: [{ finding: f(clusterA, 'eks-x'), target: TARGET, destination: owner }],
      completeTargets: new Set([TARGET]),
      now: day(1),
    });
    expect(
      plan.imports.map((p) => `${p.kind} ${p.asff.AwsAccountId} ${p.asff.RecordState}`),
    ).toEqual(['archived 111122223333 ARCHIVED', 'new 012345678910 ACTIVE']);
    expect(plan.imports[1]?.asff.CreatedAt).toBe(day(0).toISOString());
    const state = nextState(first.state, plan.imports, { runId: 'r', now: day(1) });
    expect(Object.values(state.findings)[0]?.destination).toEqual(owner);
  });

  it('keeps the state of findings whose import failed, so the next run sends them again', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const fixed = [f(clusterA, 'eks-x', 'pass'), base[1] as Finding, base[2] as Finding];
    const plan = planLifecycle({
      state: first.state,
      current: current(fixed),
      completeTargets: new Set([TARGET]),
      now: day(1),
    });
    const state = nextState(first.state, [], { runId: 'r', now: day(1) });
    expect(state.findings).toEqual(first.state.findings);
    expect(
      planLifecycle({
        state,
        current: current(fixed),
        completeTargets: new Set([TARGET]),
        now: day(2),
      }).imports,
    ).toHaveLength(plan.imports.length);
  });

  it('drops archived entries 90 days after their last import', () => {
    const first = run(emptyState(TARGET), base, day(0));
    const archived = run(first.state, [], day(1));
    expect(Object.keys(run(archived.state, [], day(60)).state.findings)).toHaveLength(3);
    expect(Object.keys(run(archived.state, [], day(92)).state.findings)).toHaveLength(0);
  });

  it('GKE findings keep their target label and hash independently of timestamps', () => {
    const g = gkeFinding();
    expect(targetOf(g)).toBe(`gcp:${g.account}`);
    const a = run(emptyState(TARGET), [g], day(0)).plan.imports[0]?.asff;
    const b = run(emptyState(TARGET), [g], day(5)).plan.imports[0]?.asff;
    expect(a && b && contentHash(a) === contentHash(b)).toBe(true);
  });
});
