import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, evidenceText, renderCsv } from '../../../outputs/csv';
import { makeFinding, sampleFindings } from '../../builders/findings';

/** A strict RFC 4180 reader: fails on a bare quote inside an unquoted field or a lone CR/LF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let i = 0;
  while (i < text.length) {
    let value = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
        if (text[i] === '"' || text[i] === '\n')
          throw new Error(`bare ${JSON.stringify(text[i])} at ${i}`);
        value += text[i++];
      }
    }
    fields.push(value);
    if (text[i] === ',') {
      i++;
    } else if (text.startsWith('\r\n', i)) {
      records.push(fields);
      fields = [];
      i += 2;
    } else if (i < text.length) {
      throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}`);
    }
  }
  if (fields.length > 0) throw new Error('last record does not end with CRLF');
  return records;
}

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line1\nline2', '"line1\nline2"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['@cmd', "'@cmd"],
    ['-1+1', "'-1+1"],
    ['=1,"2"', `"'=1,""2"""`],
    ['ünïcødé ✓', 'ünïcødé ✓'],
  ])('%j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('evidenceText', () => {
  it('writes one `path = JSON value` line per field, absent ones marked', () => {
    expect(
      evidenceText([
        { path: 'cluster.a', value: true },
        { path: 'cluster.b', value: 'x,y' },
        { path: 'cluster.c', value: { k: ['v'] } },
        { path: 'cluster.d', value: null, absent: true },
        { path: 'cluster.e', value: null },
      ]),
    ).toBe(
      'cluster.a = true\ncluster.b = "x,y"\ncluster.c = {"k":["v"]}\ncluster.d = (absent)\ncluster.e = null',
    );
  });
});

describe('renderCsv', () => {
  it('writes the header in the documented order and one record per result', () => {
    const findings = sampleFindings();
    const records = parseCsv(renderCsv(findings));
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records.slice(0, 1)[0]).toHaveLength(27);
    expect(records).toHaveLength(findings.length + 1);
    for (const r of records) expect(r).toHaveLength(CSV_COLUMNS.length);
    expect(records.slice(1).map((r) => r[0])).toEqual(findings.map((f) => f.id));
  });

  it('round-trips quotes, commas, newlines and subjects through a strict reader', () => {
    const f = makeFinding({
      message: 'Cluster "a,b"\nhas\r\nthree lines, and "quotes"',
      evidence: [
        { path: 'cluster.tags', value: { team: 'x,"y"' } },
        { path: 'cluster.encryptionConfig', value: null, absent: true },
      ],
      subject: { type: 'node-group', id: 'ng-1', name: 'ng, one' },
      frameworks: { 'cis-eks-1.8.0': ['5.4.1', '5.4.2'], 'pci-dss-4.0': ['1.3.1'] },
    });
    const [header, rec] = parseCsv(renderCsv([f]));
    const row = Object.fromEntries(header!.map((h, i) => [h, rec![i]]));
    expect(row).toMatchObject({
      id: f.id,
      check_id: 'eks-endpoint-public-access',
      subject_type: 'node-group',
      subject_name: 'ng, one',
      status: 'fail',
      message: 'Cluster "a,b"\nhas\r\nthree lines, and "quotes"',
      evidence: 'cluster.tags = {"team":"x,\\"y\\""}\ncluster.encryptionConfig = (absent)',
      frameworks: 'cis-eks-1.8.0:5.4.1; cis-eks-1.8.0:5.4.2; pci-dss-4.0:1.3.1',
      remediation_url: f.remediation.url,
      source: 'api 2026-11-28T06:00:00.000Z',
    });
  });

  it('leaves subject columns empty for a cluster-level result and writes only a header when empty', () => {
    const [, rec] = parseCsv(renderCsv([makeFinding()]));
    expect(rec!.slice(8, 11)).toEqual(['', '', '']);
    expect(renderCsv([])).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
  });

  it('appends the mutelist columns: muted, then the exception of an active or expired entry', () => {
    const exception = {
      entry: 1,
      reason: 'Accepted, see RISK-7',
      owner: 'team, a',
      expires: '2026-12-31',
    };
    const muted = {
      ...makeFinding(),
      muted: true as const,
      exception: { ...exception, state: 'active' as const },
    };
    const expired = { ...makeFinding(), exception: { ...exception, state: 'expired' as const } };
    const [header, a, b, c] = parseCsv(renderCsv([muted, expired, makeFinding()]));
    expect(header!.slice(22)).toEqual([
      'muted',
      'exception_state',
      'exception_reason',
      'exception_owner',
      'exception_expires',
    ]);
    expect(a!.slice(22)).toEqual([
      'true',
      'active',
      'Accepted, see RISK-7',
      'team, a',
      '2026-12-31',
    ]);
    expect(b!.slice(22)).toEqual(['', 'expired', 'Accepted, see RISK-7', 'team, a', '2026-12-31']);
    expect(c!.slice(22)).toEqual(['', '', '', '', '']);
  });
});
