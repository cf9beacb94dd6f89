import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { defaultAuditConfig } from '../../../core/config';
import type { AwsTarget } from '../../../core/target';
import { parseFindingsJson } from '../../../outputs/findings-json';
import { auditTarget } from '../../../pipeline/audit-target';
import { discover } from '../../../pipeline/discover';
import { keys, runPrefix } from '../../../pipeline/keys';
import { mutelistFromJson, mutelistFromStore } from '../../../pipeline/mutelist-source';
import { publish } from '../../../pipeline/publish';
import { parseRunConfig } from '../../../pipeline/run-config';
import type { ObjectStore } from '../../../pipeline/types';
import {
  clock,
  fakeCollector,
  liveEksSnapshot,
  RUN,
  recordingLogger,
  tempStore,
} from '../../helpers/pipeline-fakes';

const TARGET: AwsTarget = { cloud: 'aws', account: '111122223333', region: 'eu-west-1' };

/** One target with two clusters: `alpha` (public endpoint) and `beta` (private). */
async function auditedRun(store: ObjectStore): Promise<void> {
  const logger = recordingLogger();
  const config = parseRunConfig({ aws: { accounts: [TARGET.account], regions: [TARGET.region] } });
  await discover(config, { store, clock, logger }, RUN);
  const collector = fakeCollector((t) => ({
    target: t,
    snapshots: [liveEksSnapshot(TARGET, 'alpha'), liveEksSnapshot(TARGET, 'beta', false)],
    errors: [],
  }));
  await auditTarget(
    { run: RUN, target: TARGET },
    {
      store,
      collectors: { aws: collector },
      checks: ALL_CHECKS,
      config: defaultAuditConfig(),
      clock,
      logger,
    },
  );
}

const YAML = `entries:
  - checks: [eks-endpoint-public-access]
    clusters: [alpha]
    reason: Allow-listed office CIDRs (RISK-142)
    owner: platform-team
    expires: ${RUN.date}
  - checks: [eks-endpoint-public-access]
    clusters: [gamma]
    reason: cluster was deleted
    owner: platform-team
    expires: 2027-06-30
  - checks: ["*"]
    reason: too broad, long expired
    owner: someone
    expires: 2026-11-27
`;

describe('publish with a mutelist', () => {
  it('mutes on the run date, writes it to findings.json, the report and the summary', async () => {
    const { store } = await tempStore();
    await auditedRun(store);
    await store.put('config/mutelist.yaml', YAML, 'application/yaml');
    const out = await publish(
      { run: RUN },
      {
        store,
        clock,
        logger: recordingLogger(),
        mutelist: mutelistFromStore(store, 'config/mutelist.yaml'),
      },
    );
    const findings = parseFindingsJson((await store.get(out.findingsKey)) ?? '', out.findingsKey);
    const muted = findings.filter((f) => f.muted);
    expect(muted.map((f) => [f.checkId, f.resourceName, f.status])).toEqual([
      ['eks-endpoint-public-access', 'alpha', 'fail'],
    ]);
    expect(muted[0]?.exception).toEqual({
      entry: 0,
      reason: 'Allow-listed office CIDRs (RISK-142)',
      owner: 'platform-team',
      expires: RUN.date,
      state: 'active',
    });
    // The expired catch-all entry is recorded on every other result, which stays unmuted.
    const others = findings.filter((f) => !f.muted);
    expect(others.length).toBeGreaterThan(10);
    expect(others.every((f) => f.exception?.state === 'expired' && f.exception.entry === 2)).toBe(
      true,
    );

    expect(out.summary.mutelist).toMatchObject({
      source: 'config/mutelist.yaml',
      asOf: RUN.date,
      muted: 1,
      entries: [
        { index: 0, state: 'active', matched: 1 },
        { index: 1, state: 'unused', matched: 0 },
        { index: 2, state: 'expired', matched: findings.length },
      ],
    });
    const report = (await store.get(`${runPrefix(RUN)}report.html`)) ?? '';
    expect(report).toContain('<section id="exceptions">');
    expect(report).toContain('1 active, 1 unused (in force but matching nothing), 1 expired');
    const csv = (await store.get(`${runPrefix(RUN)}findings.csv`)) ?? '';
    expect(csv).toContain(',true,active,Allow-listed office CIDRs (RISK-142),platform-team,');
    const ocsf = JSON.parse((await store.get(`${runPrefix(RUN)}findings.ocsf.json`)) ?? '[]');
    expect(ocsf.filter((e: { status_id: number }) => e.status_id === 3)).toHaveLength(1);
  });

  it('publishes every finding unmuted when the mutelist is missing or invalid, and says why', async () => {
    const { store } = await tempStore();
    await auditedRun(store);
    const logger = recordingLogger();
    const missing = await publish(
      { run: RUN },
      { store, clock, logger, mutelist: mutelistFromStore(store, 'config/mutelist.yaml') },
    );
    expect(missing.summary.mutelist).toMatchObject({
      muted: 0,
      problem: expect.stringContaining('config/mutelist.yaml: no such object'),
    });
    const bad = await publish(
      { run: RUN },
      {
        store,
        clock,
        logger,
        mutelist: mutelistFromJson(
          '{"entries":[{"checks":["*"],"reason":"r","owner":"o"}]}',
          'MUTELIST',
        ),
      },
    );
    expect(bad.summary.mutelist?.problem).toContain(
      'entries[0].expires: required: the last day the exception applies',
    );
    const findings = parseFindingsJson((await store.get(keys.findings(RUN))) ?? '', 'findings');
    expect(findings.length).toBe(bad.summary.findings.total);
    expect(findings.some((f) => f.muted || f.exception)).toBe(false);
    expect(logger.lines.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      'Mutelist not applied: every finding is published unmuted',
      'Mutelist not applied: every finding is published unmuted',
    ]);
  });

  it('writes no mutelist part without a mutelist', async () => {
    const { store } = await tempStore();
    await auditedRun(store);
    const out = await publish({ run: RUN }, { store, clock, logger: recordingLogger() });
    expect(out.summary.mutelist).toBeUndefined();
  });
});
