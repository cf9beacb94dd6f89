import { describe, expect, it } from 'vitest';
import { CIS_EKS_1_8_0 } from '../../../checks/frameworks/cis-eks-1.8.0';
import type { Mutelist } from '../../../core/mutelist';
import { applyMutelist } from '../../../core/mutelist-match';
import { anchorId, escapeHtml, html, raw, safeUrl } from '../../../outputs/report/escape';
import {
  clusterGroups,
  familyMatrix,
  requirementView,
  trendPoints,
} from '../../../outputs/report/model';
import { renderReport } from '../../../outputs/report/render';
import { lineChart, stackedBar } from '../../../outputs/report/svg';
import type { ReportFramework, RunHistoryEntry } from '../../../outputs/report/types';
import { makeFinding, sampleFindings } from '../../builders/findings';

const GKE_FW: ReportFramework = {
  id: 'cis-gke-1.9.0',
  title: 'CIS Google Kubernetes Engine (GKE) Benchmark',
  version: '1.9.0',
  requirements: [
    {
      id: '5.3.1',
      title: 'Ensure Kubernetes Secrets are encrypted using keys managed in Cloud KMS',
      assessment: 'automated',
    },
    {
      id: '5.6.4',
      title: 'Ensure clusters are created with Private Endpoint Enabled',
      assessment: 'automated',
    },
    { id: '5.10.1', title: 'Ensure Kubernetes Web UI is Disabled', assessment: 'automated' },
    {
      id: '4.1.1',
      title: 'Ensure that the cluster-admin role is only used where required',
      assessment: 'manual',
      note: 'In-cluster RBAC.',
    },
  ],
};

const history = (n: number): RunHistoryEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    date: `2026-11-${String(i + 1).padStart(2, '0')}`,
    runId: `run-${i + 1}`,
    counts: { pass: 10 + i, fail: 9 - (i % 9), unknown: i % 3, not_applicable: 1 },
  }));

const report = (over: Partial<Parameters<typeof renderReport>[0]> = {}) =>
  renderReport({
    findings: sampleFindings(),
    generatedAt: new Date('2026-11-28T06:30:00Z'),
    run: { runId: '2026-11-28T06-00-00Z', date: '2026-11-28' },
    frameworks: [CIS_EKS_1_8_0, GKE_FW],
    history: history(12),
    ...over,
  });

describe('escaping', () => {
  it('escapes text and attributes unless marked safe', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    const evil = '<script>alert(1)</script>';
    expect(
      html`<p title="${evil}">${evil}${raw('<b>ok</b>')}${[evil, 1]}${undefined}${false}</p>`.value,
    ).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b>&lt;script&gt;alert(1)&lt;/script&gt;1</p>',
    );
  });

  it('keeps only http(s) links and makes safe anchors', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('not a url')).toBeUndefined();
    expect(safeUrl('https://docs.aws.amazon.com/a?b=1&c=2')).toBe(
      'https://docs.aws.amazon.com/a?b=1&c=2',
    );
    expect(anchorId('cluster', 'arn:aws:eks:eu-west-1:1:cluster/"x"')).toBe(
      'cluster-arn-aws-eks-eu-west-1-1-cluster-x',
    );
  });

  it('never lets finding text become markup', () => {
    const f = makeFinding({
      message: '</details><script>alert("m")</script><img src=x onerror=alert(1)>',
      evidence: [{ path: 'cluster.tags', value: { '<k>': '</pre><script>x</script>' } }],
    });
    f.title = '<svg onload=alert(1)>';
    f.resourceName = '"><iframe src=//evil>';
    f.remediation = { summary: '<b>bold</b>', cli: '<x>', url: 'javascript:alert(1)' };
    const out = report({ findings: [f] });
    expect(out).not.toMatch(/<script|<img|<iframe|<svg onload|<b>bold|javascript:/i);
    expect(out).toContain('&lt;/details&gt;&lt;script&gt;alert(&quot;m&quot;)&lt;/script&gt;');
    expect(out).toContain('&lt;svg onload=alert(1)&gt;');
  });
});

describe('report model', () => {
  const findings = sampleFindings();

  it('counts each family per cloud', () => {
    const matrix = familyMatrix(findings);
    expect(matrix.map((r) => r.family)).toEqual([
      'api-endpoint-exposure',
      'audit-logging',
      'private-nodes',
      'secrets-encryption',
    ]);
    const endpoint = matrix[0]!;
    // eks: payments-prod fail, data-dev pass; gke: web-prod fail, sandbox pass; aks: fail.
    expect(endpoint.cells.eks).toEqual({ pass: 1, fail: 1, unknown: 0, not_applicable: 0 });
    expect(endpoint.cells.gke).toEqual({ pass: 1, fail: 1, unknown: 0, not_applicable: 0 });
    expect(endpoint.cells.aks).toEqual({ pass: 0, fail: 1, unknown: 0, not_applicable: 0 });
    expect(
      familyMatrix(findings.filter((f) => f.provider !== 'aks'))[0]!.cells.aks,
    ).toBeUndefined();
  });

  it('walks requirements to checks to results, manual ones included', () => {
    const view = requirementView(GKE_FW, findings);
    const byId = Object.fromEntries(view.map((r) => [r.id, r]));
    expect(byId['5.6.4']).toMatchObject({
      verdict: 'fail',
      checks: [{ checkId: 'gke-endpoint-public-access', counts: { fail: 1, pass: 1 } }],
    });
    expect(byId['5.3.1']).toMatchObject({ verdict: 'unknown', counts: { pass: 1, unknown: 1 } });
    expect(byId['5.10.1']).toMatchObject({ verdict: 'not_checked', checks: [] });
    expect(byId['4.1.1']).toMatchObject({ verdict: 'manual', assessment: 'manual' });
  });

  it('groups results per cluster, failures and severe ones first', () => {
    const groups = clusterGroups(findings);
    expect(groups.map((g) => g.name)).toEqual([
      'payments-prod',
      'data-dev',
      'sandbox',
      'web-prod',
      'core-aks',
    ]);
    const payments = groups[0]!;
    expect(payments.findings.map((f) => `${f.status}/${f.severity}`)).toEqual([
      'fail/high',
      'fail/low',
      'pass/critical',
      'pass/medium',
    ]);
  });

  it('keeps the last N runs of the trend, ending with this run', () => {
    const current = {
      date: '2026-11-28',
      runId: 'now',
      counts: { pass: 1, fail: 2, unknown: 0, not_applicable: 0 },
    };
    const points = trendPoints([...history(12)].reverse(), current, 5);
    expect(points.map((p) => p.runId)).toEqual(['run-9', 'run-10', 'run-11', 'run-12', 'now']);
    expect(trendPoints([{ ...current }], current, 5)).toEqual([current]);
  });
});

describe('svg charts', () => {
  it('draws segments proportional to values and labels them', () => {
    const svg = stackedBar(
      [
        { label: 'Fail', value: 1, color: '#f00' },
        { label: 'Pass', value: 3, color: '#0f0' },
        { label: 'N/A', value: 0, color: '#999' },
      ],
      100,
    ).value;
    expect(svg).toContain(
      '<rect x="0" y="0" width="25" height="16" fill="#f00"><title>Fail: 1</title>',
    );
    expect(svg).toContain(
      '<rect x="25" y="0" width="75" height="16" fill="#0f0"><title>Pass: 3</title>',
    );
    expect(svg).not.toContain('N/A: 0</title>');
  });

  it('plots a line per series from the bottom of the axis', () => {
    const svg = lineChart(
      ['a', 'b'],
      [{ label: 'Fail', color: '#f00', values: [0, 4] }],
      100,
      100,
    ).value;
    // plot: x 48..56, y 12..56; 0 at the bottom, the max at the top.
    expect(svg).toContain('points="48,56 56,12"');
  });
});

describe('renderReport', () => {
  it('is one self-contained document with every section', () => {
    const out = report();
    expect(out.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const id of ['posture', 'trend', 'matrix', 'requirements', 'top-failing', 'clusters']) {
      expect(out).toContain(`<section id="${id}">`);
    }
    expect(out).toContain('Trend over the last 13 runs');
    expect(out).toContain('CIS Amazon Elastic Kubernetes Service (EKS) Benchmark v1.8.0');
    expect(out).toContain('Minimize Container Registries to only those approved'); // manual 5.1.4
    expect(out).toContain('pci-dss-4.0'); // cited, no framework definition given
    expect(out).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|\ssrc="/i);
    expect(out).not.toMatch(/(href|src)="(?!#|https?:)/);
  });

  it('says so when there is no history and renders an empty run', () => {
    const out = report({ history: [], findings: [] });
    expect(out).toContain('No earlier runs were given');
    expect(out).toContain('No check failed.');
  });
});

describe('mutelist in the report', () => {
  const mutelist: Mutelist = {
    entries: [
      {
        checks: ['eks-endpoint-public-access'],
        clusters: ['payments-*'],
        reason: 'Office <CIDR> allow-list until the VPN cut-over',
        owner: 'platform-team',
        expires: '2026-12-31',
      },
      { checks: ['gke-no-such-check'], reason: 'typo', owner: 'dev', expires: '2027-01-01' },
      { checks: ['audit-logging'], reason: 'old', owner: 'sre', expires: '2026-11-01' },
    ],
  };
  const applied = applyMutelist(sampleFindings(), mutelist, '2026-11-28');
  const page = report({
    findings: applied.findings,
    exceptions: { asOf: applied.asOf, source: 'mutelist.yaml', entries: applied.entries },
  });

  it('marks muted and no-longer-muted results, keeping their status badge', () => {
    const muted = applied.findings.find((f) => f.muted);
    expect(muted?.status).toBe('fail');
    expect(page).toContain('<span class="badge st-muted" title="Office &lt;CIDR&gt; allow-list');
    expect(page).toContain(
      'Muted</strong> until 2026-12-31 (UTC) by <a href="#mutelist-entry-0">mutelist entry 0</a>, owner <strong>platform-team</strong>',
    );
    expect(page).toContain('<span class="badge st-expired">Exception expired</span>');
    expect(page).toContain('failed but muted');
  });

  it('lists every entry with its state: active, unused, expired', () => {
    const section = page.slice(page.indexOf('<section id="exceptions">'));
    expect(section).toContain(
      '<code>mutelist.yaml</code>, judged on 2026-11-28 (UTC): 1 active, 1 unused',
    );
    expect(section).toContain('1 expired');
    expect(section).toMatch(
      /id="mutelist-entry-0">.*st-entry-active">Active.*1 result \(1 failing\)/s,
    );
    expect(section).toMatch(/id="mutelist-entry-1">.*Unused.*matches nothing in this run/s);
    expect(section).toMatch(
      /id="mutelist-entry-2">.*Expired.*would match 5 results.*no longer muted/s,
    );
    expect(page).toContain('<a href="#exceptions">Exceptions</a>');
  });

  it('has no exceptions section without a mutelist', () => {
    expect(report()).not.toContain('id="exceptions"');
  });
});
