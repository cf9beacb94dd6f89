import { describe, expect, it } from 'vitest';
import { ALL_CHECKS } from '../../../checks/index';
import { responsibilityForReport } from '../../../checks/responsibility/index';
import { renderReport } from '../../../outputs/report/render';
import { sampleFindings } from '../../builders/findings';

const generatedAt = new Date('2026-11-28T03:00:00.000Z');

function section(page: string): string {
  const start = page.indexOf('<section id="responsibility">');
  return start < 0 ? '' : page.slice(start, page.indexOf('</section>', start));
}

describe('report: what your provider runs vs what you must configure', () => {
  const findings = sampleFindings();
  const page = renderReport({
    findings,
    generatedAt,
    frameworks: [],
    responsibility: responsibilityForReport(ALL_CHECKS),
  });
  const body = section(page);

  it('has the section, linked from the navigation, with one block per cloud in the run', () => {
    expect(body).toContain('<h2>What your provider runs vs what you must configure</h2>');
    expect(page).toContain('href="#responsibility"');
    for (const name of ['Amazon EKS', 'Google GKE', 'Azure AKS'])
      expect(body).toContain(`<summary>${name}</summary>`);
    expect(body).toContain(
      'href="https://cloud.google.com/kubernetes-engine/docs/concepts/shared-responsibility"',
    );
    expect(body).toContain('AWS runs the Kubernetes control plane');
  });

  it('puts our results on the customer’s side of each family row', () => {
    const eks = body.slice(
      body.indexOf('<summary>Amazon EKS</summary>'),
      body.indexOf('<summary>Google GKE</summary>'),
    );
    const row = eks.slice(eks.indexOf('<code>secrets-encryption</code>'));
    const tr = row.slice(0, row.indexOf('</tr>'));
    expect(tr).toContain('<td>shared</td>');
    expect(tr).toContain('AWS-owned key');
    const results = findings.filter(
      (f) => f.provider === 'eks' && f.family === 'secrets-encryption',
    );
    expect(results.length).toBeGreaterThan(0);
    const label = {
      fail: 'fail',
      pass: 'pass',
      unknown: 'unknown',
      not_applicable: 'n/a',
    } as const;
    for (const status of ['fail', 'pass', 'unknown', 'not_applicable'] as const) {
      const n = results.filter((f) => f.status === status).length;
      if (n > 0) expect(tr).toContain(`${n} ${label[status]}`);
      else expect(tr).not.toContain(`n-${status}`);
    }
  });

  it('lists only families that have results on that cloud', () => {
    expect(body).not.toContain('<code>workload-sandbox</code>');
  });

  it('is absent without a matrix', () => {
    const plain = renderReport({ findings, generatedAt, frameworks: [] });
    expect(section(plain)).toBe('');
    expect(plain).not.toContain('href="#responsibility"');
  });
});
