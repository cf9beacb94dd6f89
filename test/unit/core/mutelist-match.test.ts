import { describe, expect, it } from 'vitest';
import { eksEndpointPublicAccess } from '../../../checks/eks/eks-endpoint-public-access';
import { clusterTags } from '../../../core/cluster-tags';
import { toFinding } from '../../../core/finding';
import { globMatch } from '../../../core/glob';
import type { Mutelist, MutelistEntry } from '../../../core/mutelist';
import { applyMutelist, isInForce, utcDay } from '../../../core/mutelist-match';
import { pass } from '../../../core/outcome';
import { describeClusterExample, eksSnapshot } from '../../builders/eks';
import { CLUSTERS, makeFinding, sampleFindings } from '../../builders/findings';
import { gkeSnapshot, standardCluster } from '../../builders/gke';

const base = { reason: 'accepted (RISK-1)', owner: 'team-a', expires: '2026-12-31' };
const list = (...entries: Partial<MutelistEntry>[]): Mutelist => ({
  entries: entries.map((e) => ({ checks: ['*'], ...base, ...e })),
});

describe('globMatch', () => {
  it.each([
    ['payments-*', 'payments-prod', true],
    ['payments-*', 'payments-', true],
    ['payments-*', 'Payments-prod', false],
    ['eu-?est-1', 'eu-west-1', true],
    ['eu-?est-1', 'eu-west-10', false],
    ['arn:aws:eks:*:cluster/a.b', 'arn:aws:eks:us-east-1:1:cluster/a.b', true],
    ['a.b', 'axb', false],
    ['(x)+', '(x)+', true],
    ['*', '', true],
  ])('%s ~ %s → %s', (glob, value, expected) => {
    expect(globMatch(glob, value)).toBe(expected);
  });
});

describe('the expiry boundary (UTC, expires day inclusive)', () => {
  const entry = { expires: '2026-12-31' };
  it.each([
    ['2026-12-31T00:00:00.000Z', true],
    ['2026-12-31T23:59:59.999Z', true],
    // 00:30 on 1 January in Berlin is still 31 December in UTC: the entry applies.
    ['2027-01-01T00:30:00+01:00', true],
    ['2027-01-01T00:00:00.000Z', false],
    // 23:30 on 31 December in New York is already 1 January in UTC: the entry has expired.
    ['2026-12-31T23:30:00-05:00', false],
    ['2026-01-15T12:00:00Z', true],
  ])('a run at %s → in force: %s', (time, expected) => {
    expect(isInForce(entry, utcDay(new Date(time)))).toBe(expected);
  });

  it('mutes on the last day and reports the entry expired the day after', () => {
    const findings = [makeFinding({ status: 'fail' })];
    const onLastDay = applyMutelist(findings, list({}), '2026-12-31');
    expect(onLastDay.findings[0]?.muted).toBe(true);
    expect(onLastDay.entries[0]?.state).toBe('active');
    const dayAfter = applyMutelist(findings, list({}), '2027-01-01');
    expect(dayAfter.findings[0]?.muted).toBeUndefined();
    expect(dayAfter.findings[0]?.exception).toEqual({ entry: 0, ...base, state: 'expired' });
    expect(dayAfter.entries[0]).toMatchObject({ state: 'expired', findingIds: [findings[0]?.id] });
  });
});

describe('applyMutelist', () => {
  const findings = sampleFindings();
  const day = '2026-11-28';

  it('keeps the status and adds muted + the exception to matching results only', () => {
    const result = applyMutelist(findings, list({ checks: ['eks-endpoint-public-access'] }), day);
    const muted = result.findings.filter((f) => f.muted);
    expect(muted.map((f) => f.checkId)).toEqual(
      findings.filter((f) => f.checkId === 'eks-endpoint-public-access').map((f) => f.checkId),
    );
    expect(muted.length).toBeGreaterThan(0);
    for (const f of muted) {
      const original = findings.find((o) => o.id === f.id);
      expect(f.status).toBe(original?.status);
      expect(f.exception).toEqual({ entry: 0, ...base, state: 'active' });
    }
    expect(result.findings.filter((f) => !f.muted).every((f) => f.exception === undefined)).toBe(
      true,
    );
    // The input is not changed.
    expect(findings.some((f) => f.muted)).toBe(false);
  });

  it('matches a family across clouds, and `*` every check', () => {
    const family = applyMutelist(findings, list({ checks: ['audit-logging'] }), day);
    const providers = new Set(family.findings.filter((f) => f.muted).map((f) => f.provider));
    expect([...providers].sort()).toEqual(['aks', 'eks', 'gke']);
    const all = applyMutelist(findings, list({ checks: ['*'] }), day);
    expect(all.findings.every((f) => f.muted)).toBe(true);
  });

  it('ANDs the fields of an entry and ORs the values of a field', () => {
    const gkeProd = CLUSTERS.find((c) => c.name === 'web-prod');
    const result = applyMutelist(
      findings,
      list({
        providers: ['gke', 'aks'],
        accounts: ['acme-*'],
        regions: ['europe-*', 'westeurope'],
        clusters: ['web-*', 'core-aks'],
      }),
      day,
    );
    const muted = new Set(result.findings.filter((f) => f.muted).map((f) => f.resourceId));
    // core-aks matches clusters and regions but not accounts; sandbox is in us-central1-a.
    expect([...muted]).toEqual([gkeProd?.id]);
  });

  it('matches clusters by name or by resource id', () => {
    const byArn = applyMutelist(
      findings,
      list({ clusters: ['arn:aws:eks:us-east-1:444455556666:cluster/*'] }),
      day,
    );
    expect(new Set(byArn.findings.filter((f) => f.muted).map((f) => f.resourceName))).toEqual(
      new Set(['data-dev']),
    );
  });

  it('matches tags: every listed key glob needs a tag with a matching value', () => {
    const tagged = [
      { ...makeFinding(), id: 'a', tags: { env: 'dev-1', team: 'data' } },
      { ...makeFinding(), id: 'b', tags: { env: 'prod' } },
      { ...makeFinding(), id: 'c' },
    ];
    const one = applyMutelist(tagged, list({ tags: { env: 'dev*' } }), day);
    expect(one.findings.map((f) => f.muted ?? false)).toEqual([true, false, false]);
    const two = applyMutelist(tagged, list({ tags: { env: '*', 'te*': 'data' } }), day);
    expect(two.findings.map((f) => f.muted ?? false)).toEqual([true, false, false]);
  });

  it('records the first active entry; an expired earlier entry does not hide a later one', () => {
    const result = applyMutelist(
      [makeFinding()],
      list({ expires: '2026-01-01', reason: 'old' }, { reason: 'second' }, { reason: 'third' }),
      day,
    );
    expect(result.findings[0]?.exception).toMatchObject({ entry: 1, reason: 'second' });
    expect(result.entries.map((e) => e.state)).toEqual(['expired', 'active', 'active']);
  });

  it('lists entries that match nothing as unused, and expired ones as expired', () => {
    const result = applyMutelist(
      findings,
      list(
        { checks: ['eks-no-such-check'] },
        { checks: ['gke-audit-logging'], expires: '2026-11-27' },
        { checks: ['aks-audit-logging'] },
      ),
      day,
    );
    expect(result.entries.map((e) => [e.index, e.state, e.findingIds.length])).toEqual([
      [0, 'unused', 0],
      [1, 'expired', 2],
      [2, 'active', 1],
    ]);
    expect(result.asOf).toBe(day);
  });

  it('judges a finding read back from an earlier run afresh', () => {
    const earlier = applyMutelist([makeFinding()], list({}), '2026-12-31').findings;
    const now = applyMutelist(earlier, { entries: [] }, '2027-01-01');
    expect(now.findings[0]).toEqual(makeFinding());
  });
});

describe('cluster tags on findings', () => {
  it('takes EKS tags and GKE resource labels from the snapshot', () => {
    const eks = eksSnapshot(describeClusterExample());
    expect(clusterTags(eks)['karpenter.sh/discovery']).toBe('my-eks-cluster');
    expect(clusterTags(gkeSnapshot(standardCluster()))).toEqual({ env: 'prod', owner: 'platform' });
    const finding = toFinding(eksEndpointPublicAccess, eks, pass('ok', []));
    expect(finding.tags?.['alpha.eksctl.io/cluster-name']).toBe('my-eks-cluster');
  });

  it('leaves tags out when the cluster has none (the APIs omit an empty map)', () => {
    const { tags: _t, ...untagged } = describeClusterExample();
    const finding = toFinding(eksEndpointPublicAccess, eksSnapshot(untagged), pass('ok', []));
    expect(finding.tags).toBeUndefined();
  });
});
