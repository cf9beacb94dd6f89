import { describe, expect, it } from 'vitest';
import { FINDING_LINE_COLUMNS, renderFindingLines } from '../../../outputs/findings-lines';
import { makeFinding, sampleFindings } from '../../builders/findings';

const RUN = { runId: '20261128T030000Z-abc123' };
const AT = new Date('2026-11-28T03:05:00Z');

describe('findings.jsonl', () => {
  it('writes one JSON object per line with the documented columns in order', () => {
    const findings = sampleFindings();
    const text = renderFindingLines(findings, RUN, AT);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.slice(0, -1).split('\n');
    expect(lines).toHaveLength(findings.length);
    for (const line of lines) {
      expect(Object.keys(JSON.parse(line))).toEqual([...FINDING_LINE_COLUMNS]);
    }
    expect(renderFindingLines([], RUN, AT)).toBe('');
  });

  it('keeps newlines inside values on one line and flattens requirements and evidence', () => {
    const f = makeFinding({
      message: 'two\nlines',
      subject: { type: 'node-group', id: 'ng-1', name: 'ng 1' },
      evidence: [{ path: 'cluster.encryptionConfig', value: null, absent: true }],
      frameworks: { 'cis-eks-1.8.0': ['5.3.1'], 'pci-dss-4.0': ['3.5.1'] },
    });
    const text = renderFindingLines([f], RUN, AT);
    expect(text.split('\n')).toHaveLength(2);
    expect(JSON.parse(text)).toMatchObject({
      run_id: RUN.runId,
      observed_at: '2026-11-28T03:05:00.000Z',
      id: f.id,
      message: 'two\nlines',
      subject_name: 'ng 1',
      requirements: ['cis-eks-1.8.0:5.3.1', 'pci-dss-4.0:3.5.1'],
      evidence_json: '[{"path":"cluster.encryptionConfig","value":null,"absent":true}]',
    });
    expect(JSON.parse(renderFindingLines([makeFinding()], RUN, AT))).toMatchObject({
      subject_type: null,
      subject_id: null,
      subject_name: null,
    });
  });
});
