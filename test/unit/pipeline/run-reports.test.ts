import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { defaultAuditConfig } from '../../../core/config';
import type { AwsTarget } from '../../../core/target';
import { auditTarget } from '../../../pipeline/audit-target';
import { discover } from '../../../pipeline/discover';
import { findingsLinesKey, keys, reportKeys, runPrefix } from '../../../pipeline/keys';
import { publish } from '../../../pipeline/publish';
import { parseRunConfig } from '../../../pipeline/run-config';
import { writeRunReports } from '../../../pipeline/run-reports';
import type { ObjectStore } from '../../../pipeline/types';
import { sampleFindings } from '../../builders/findings';
import {
  clock,
  fakeCollector,
  liveEksSnapshot,
  NOW,
  RUN,
  recordingLogger,
  tempStore,
} from '../../helpers/pipeline-fakes';

describe('run reports in the findings store', () => {
  it('publish stores OCSF, CSV and the HTML report of the run, the latest report and the history', async () => {
    const { store } = await tempStore();
    const logger = recordingLogger();
    const config = parseRunConfig({ aws: { accounts: ['111122223333'], regions: ['eu-west-1'] } });
    const discovered = await discover(config, { store, clock, logger }, RUN);
    const aws = fakeCollector((t) => ({
      target: t,
      snapshots: [liveEksSnapshot(t as AwsTarget, 'alpha')],
      errors: [],
    }));
    for (const target of discovered.targets) {
      await auditTarget(
        { run: RUN, target },
        {
          store,
          collectors: { aws },
          checks: ALL_CHECKS,
          config: defaultAuditConfig(),
          clock,
          logger,
        },
      );
    }
    const out = await publish({ run: RUN }, { store, clock, logger });

    const prefix = runPrefix(RUN);
    for (const file of ['findings.ocsf.json', 'findings.csv', 'report.html']) {
      expect(out.summary.keys).toContain(`${prefix}${file}`);
    }
    expect(out.summary.keys).not.toContain(`${prefix}findings.asff.json`); // Security Hub off
    const report = await store.get(`${prefix}report.html`);
    expect(report).toContain('alpha');
    expect(await store.get(reportKeys.latest)).toBe(report);
    const ocsf = JSON.parse((await store.get(`${prefix}findings.ocsf.json`)) ?? '[]') as unknown[];
    expect(ocsf).toHaveLength(out.summary.findings.total);
    expect(JSON.parse((await store.get(reportKeys.history)) ?? '[]')).toEqual([
      expect.objectContaining({ date: RUN.date, runId: RUN.runId }),
    ]);
    expect(await store.get(keys.findings(RUN))).toBeDefined();
    // Athena's copy: one JSON object per line, under findings-history/date=.../.
    expect(findingsLinesKey(RUN)).toBe(`findings-history/date=2026-11-28/run=${RUN.runId}.jsonl`);
    const lines = ((await store.get(findingsLinesKey(RUN))) ?? '').split('\n').filter(Boolean);
    expect(lines).toHaveLength(out.summary.findings.total);
    expect(JSON.parse(lines[0]!)).toMatchObject({ run_id: RUN.runId, provider: 'eks' });
  });

  it('adds ASFF when Security Hub is the destination and logs a format that fails', async () => {
    const { store: fsStore } = await tempStore();
    // A store that refuses the CSV object, as a denied PutObject would (every write is a put).
    const { openWrite: _pieces, ...real } = fsStore;
    const store: ObjectStore = {
      ...real,
      async put(key, body, type) {
        if (key.endsWith('findings.csv')) throw new Error('AccessDenied');
        await real.put(key, body, type);
      },
    };
    const logger = recordingLogger();
    const result = await writeRunReports(sampleFindings(), RUN, store, {
      time: NOW,
      logger,
      asff: { account: '999988887777', region: 'eu-west-1', partition: 'aws', observedAt: NOW },
    });
    expect(result?.written).toEqual([
      `${runPrefix(RUN)}findings.ocsf.json`,
      `${runPrefix(RUN)}report.html`,
      reportKeys.latest,
      `${runPrefix(RUN)}findings.asff.json`,
      reportKeys.history,
      findingsLinesKey(RUN),
    ]);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: 'warn', message: 'Run output not written' }),
    );
  });
});
