import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { defaultAuditConfig } from '../../../core/config';
import type { AwsTarget, Target } from '../../../core/target';
import { parseFindingsJson } from '../../../outputs/findings-json';
import { auditTarget } from '../../../pipeline/audit-target';
import { discover } from '../../../pipeline/discover';
import { keys } from '../../../pipeline/keys';
import { publish } from '../../../pipeline/publish';
import { parseRunConfig } from '../../../pipeline/run-config';
import type { RunSummary } from '../../../pipeline/run-summary';
import type { ObjectStore } from '../../../pipeline/types';
import {
  clock,
  fakeCollector,
  liveEksSnapshot,
  partialCollection,
  RUN,
  recordingLogger,
  tempStore,
} from '../../helpers/pipeline-fakes';
import { startFakeSecurityHub } from '../../helpers/securityhub-server';

const OK: AwsTarget = { cloud: 'aws', account: '111122223333', region: 'eu-west-1' };
const PARTIAL: AwsTarget = { cloud: 'aws', account: '111122223333', region: 'us-east-1' };
const LOST: AwsTarget = { cloud: 'aws', account: '444455556666', region: 'eu-west-1' };
const GCP: Target = { cloud: 'gcp', project: 'acme-prod' };

/** A run where one target is ok, one partial, one never stored a result and one had no collector. */
async function preparedRun(store: ObjectStore) {
  const logger = recordingLogger();
  const config = parseRunConfig({
    aws: { accounts: ['111122223333', '444455556666'], regions: ['eu-west-1', 'us-east-1'] },
    gcp: { projects: ['acme-prod'] },
  });
  const discovered = await discover(config, { store, clock, logger }, RUN);
  const aws = fakeCollector((t) =>
    t.cloud === 'aws' && t.region === 'us-east-1' && t.account === '111122223333'
      ? partialCollection(t)
      : { target: t, snapshots: [liveEksSnapshot(t as AwsTarget, 'alpha')], errors: [] },
  );
  const deps = {
    store,
    collectors: { aws },
    checks: ALL_CHECKS,
    config: defaultAuditConfig(),
    clock,
    logger,
  };
  for (const target of discovered.targets) {
    // The LOST target's audit-target step "died" before writing anything.
    if (target.cloud === 'aws' && target.account === LOST.account && target.region === LOST.region)
      continue;
    await auditTarget({ run: RUN, target }, deps);
  }
  return { discovered, logger };
}

describe('publish', () => {
  it('merges the findings, reports every target (a missing result is failed) and writes the summary', async () => {
    const { store } = await tempStore();
    await preparedRun(store);
    const out = await publish({ run: RUN }, { store, clock, logger: recordingLogger() });

    const findings = parseFindingsJson((await store.get(out.findingsKey)) ?? '', out.findingsKey);
    const stored = JSON.parse((await store.get(out.summaryKey)) ?? '') as RunSummary;
    expect(stored).toEqual(out.summary);
    const s = out.summary;
    expect(s.format).toBe('mk8s-audit-run-summary');
    expect(s.targets.total).toBe(5);
    expect(s.targets.byStatus).toEqual({ ok: 2, partial: 1, failed: 2 });
    expect(s.targets.byCloud.gcp).toEqual({ ok: 0, partial: 0, failed: 1 });

    const byLabel = Object.fromEntries(s.targets.results.map((r) => [r.label, r]));
    expect(byLabel['aws:111122223333/eu-west-1']?.status).toBe('ok');
    expect(byLabel['aws:111122223333/us-east-1']).toMatchObject({
      status: 'partial',
      errors: [{ operation: 'eks:ListNodegroups', resource: 'beta' }],
    });
    expect(byLabel['aws:444455556666/eu-west-1']).toMatchObject({
      status: 'failed',
      errors: [{ code: 'MissingResult' }],
    });
    expect(byLabel['aws:444455556666/us-east-1']?.status).toBe('ok');
    expect(byLabel['gcp:acme-prod']).toMatchObject({
      status: 'failed',
      errors: [{ code: 'NoCollector' }],
    });

    // ok (1 cluster) + partial (2 clusters) + the second account's us-east-1 (1 cluster).
    expect(s.findings.clusters).toBe(4);
    expect(s.findings.total).toBe(findings.length);
    // Each target's findings, plus the coverage finding of the target that left no result.
    expect(findings.length).toBe(s.targets.results.reduce((n, r) => n + r.findings, 0) + 1);
    const gaps = findings.filter((f) => f.checkId === 'mk8s-audit-coverage' && f.status === 'fail');
    expect(gaps.map((f) => f.resourceName).sort()).toEqual([
      'aws:444455556666/eu-west-1',
      'beta',
      'gcp:acme-prod',
    ]);
    expect(s.coverage.map((c) => c.resourceName).sort()).toEqual(
      gaps.map((f) => f.resourceName).sort(),
    );
    expect(byLabel['aws:111122223333/us-east-1']?.failedCalls).toEqual(['eks:ListNodegroups']);
    const fails = findings.filter((f) => f.status === 'fail').length;
    // The GCP target's only finding is its coverage gap (a fail).
    expect(s.findings.byCloud.aws.fail + s.findings.byCloud.gcp.fail).toBe(fails);
    expect(s.findings.byCloud.gcp.fail).toBe(1);
    expect(Object.values(s.findings.bySeverity).reduce((n, by) => n + by.fail, 0)).toBe(fails);
    expect(s.securityHub).toEqual({ enabled: false });

    expect(s.keys).toContain(keys.targets(RUN));
    expect(s.keys).toContain(keys.findings(RUN));
    expect(s.keys).toContain(keys.summary(RUN));
    expect(s.keys).toContain(keys.snapshot(RUN, OK));
    expect(s.keys).toContain(keys.targetResult(RUN, PARTIAL));
    expect(s.keys).not.toContain(keys.targetResult(RUN, LOST));
    expect(s.keys).toContain(keys.targetResult(RUN, GCP));
    // The run's other formats sit beside findings.json.
    const prefix = 'runs/date=2026-11-28/run=20261128T030000Z-abc123/';
    for (const file of ['findings.ocsf.json', 'findings.csv', 'report.html']) {
      expect(s.keys).toContain(`${prefix}${file}`);
      expect(s.reports.written).toContain(`${prefix}${file}`);
    }
    expect(s.reports.failed).toEqual([]);
    expect(await store.get(`${prefix}report.html`)).toContain('<html');
  });

  it('imports every finding into Security Hub and reports the counts', async () => {
    const { store } = await tempStore();
    await preparedRun(store);
    const hub = await startFakeSecurityHub({
      reject: (f) =>
        f.GeneratorId === 'eks-endpoint-public-access'
          ? { code: 'InvalidInput', message: 'bad' }
          : undefined,
    });
    try {
      const out = await publish(
        { run: RUN },
        {
          store,
          clock,
          logger: recordingLogger(),
          securityHub: {
            client: hub.client,
            account: '999988887777',
            region: 'eu-west-1',
            partition: 'aws',
          },
        },
      );
      const sh = out.summary.securityHub;
      if (!sh.enabled) throw new Error('expected an import');
      const sent = hub.calls.flat();
      expect(sent).toHaveLength(out.summary.findings.total);
      expect(sh).toMatchObject({
        enabled: true,
        productArn: 'arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default',
        submitted: sent.length,
        calls: hub.calls.length,
        failed: 4,
        imported: sent.length - 4,
        failuresTruncated: false,
      });
      expect(sent.every((f) => f.AwsAccountId === '999988887777')).toBe(true);
    } finally {
      await hub.close();
    }
  });

  it('fails clearly when the run has no targets file', async () => {
    const { store } = await tempStore();
    await expect(
      publish({ run: RUN }, { store, clock, logger: recordingLogger() }),
    ).rejects.toThrow(/has no runs\/date=2026-11-28\/run=20261128T030000Z-abc123\/targets\.json/);
  });

  it('reports a target whose result is not valid as failed, and keeps the others', async () => {
    const { store } = await tempStore();
    await preparedRun(store);
    await store.put(keys.targetResult(RUN, OK), '{"status":"great"}', 'application/json');
    const out = await publish({ run: RUN }, { store, clock, logger: recordingLogger() });
    const ok = out.summary.targets.results.find((r) => r.label === 'aws:111122223333/eu-west-1');
    expect(ok).toMatchObject({ status: 'failed', errors: [{ code: 'InvalidResult' }] });
    expect(out.summary.targets.byStatus).toEqual({ ok: 1, partial: 1, failed: 3 });
  });
});
