import { describe, expect, it } from 'vitest';
import { CIS_EKS_1_8_0 } from '../../../checks/frameworks/cis-eks-1.8.0';
import { Finding } from '../../../core/finding';
import {
  FORMAT_NAMES,
  type FormatOptions,
  parseFormats,
  writeFormats,
} from '../../../outputs/formats';
import type { ObjectStore } from '../../../pipeline/types';
import { sampleFindings } from '../../builders/findings';

/** An ObjectStore in memory; `failOn` makes puts of that key fail like a denied S3 call. */
function memoryStore(
  failOn?: string,
): ObjectStore & { objects: Map<string, { body: string; type: string }> } {
  const objects = new Map<string, { body: string; type: string }>();
  return {
    objects,
    async put(key, body, type) {
      if (key === failOn) throw new Error(`AccessDenied: put ${key}`);
      objects.set(key, { body, type });
    },
    async get(key) {
      return objects.get(key)?.body;
    },
    async list(prefix) {
      return [...objects.keys()].filter((k) => k.startsWith(prefix));
    },
  };
}

const opts: FormatOptions = {
  time: new Date('2026-11-28T06:00:00Z'),
  productVersion: '0.1.0',
  run: { runId: 'r1', date: '2026-11-28' },
  frameworks: [CIS_EKS_1_8_0],
};

describe('parseFormats', () => {
  it('reads a comma-separated list, trims, lowercases and drops repeats', () => {
    expect(parseFormats('json, OCSF,csv,json,html,asff')).toEqual([
      'json',
      'ocsf',
      'csv',
      'html',
      'asff',
    ]);
    expect(FORMAT_NAMES).toEqual(['json', 'ocsf', 'asff', 'csv', 'html']);
  });

  it('names the bad value and the valid ones', () => {
    expect(() => parseFormats('json,xml,pdf')).toThrow(
      `--format: unknown format "xml", "pdf"; use one or more of ${FORMAT_NAMES.join(', ')}, comma-separated`,
    );
    expect(() => parseFormats(' , ')).toThrow('--format: give at least one of');
  });
});

describe('writeFormats', () => {
  it('writes each format under its file name with its content type', async () => {
    const store = memoryStore();
    const findings = sampleFindings();
    const result = await writeFormats(findings, ['json', 'ocsf', 'csv', 'html'], store, {
      ...opts,
      prefix: 'runs/date=2026-11-28/run=r1/',
      reportCopies: ['reports/latest.html'],
    });
    expect(result).toEqual({
      written: [
        'runs/date=2026-11-28/run=r1/findings.json',
        'runs/date=2026-11-28/run=r1/findings.ocsf.json',
        'runs/date=2026-11-28/run=r1/findings.csv',
        'runs/date=2026-11-28/run=r1/report.html',
        'reports/latest.html',
      ],
      failed: [],
      historyProblems: [],
    });
    const json = store.objects.get('runs/date=2026-11-28/run=r1/findings.json')!;
    expect(json.type).toBe('application/json');
    expect(Finding.array().parse(JSON.parse(json.body))).toEqual(findings);
    const ocsf = JSON.parse(
      store.objects.get('runs/date=2026-11-28/run=r1/findings.ocsf.json')!.body,
    );
    expect(ocsf).toHaveLength(findings.length);
    expect(store.objects.get('runs/date=2026-11-28/run=r1/findings.csv')!.type).toMatch(
      /^text\/csv/,
    );
    expect(store.objects.get('reports/latest.html')!.body).toBe(
      store.objects.get('runs/date=2026-11-28/run=r1/report.html')!.body,
    );
  });

  it('writes ASFF with the importing account and fails only that format without one', async () => {
    const store = memoryStore();
    const findings = sampleFindings();
    const asff = {
      account: '999988887777',
      region: 'eu-west-1',
      partition: 'aws' as const,
      observedAt: opts.time,
    };
    const ok = await writeFormats(findings, ['asff'], store, { ...opts, asff });
    expect(ok).toEqual({ written: ['findings.asff.json'], failed: [], historyProblems: [] });
    const list = JSON.parse(store.objects.get('findings.asff.json')!.body) as Record<
      string,
      unknown
    >[];
    expect(list).toHaveLength(findings.length);
    expect(list[0]).toMatchObject({
      Id: findings[0]!.id,
      AwsAccountId: '999988887777',
      ProductArn: 'arn:aws:securityhub:eu-west-1:999988887777:product/999988887777/default',
    });

    const without = await writeFormats(findings, ['asff', 'json'], memoryStore(), opts);
    expect(without.written).toEqual(['findings.json']);
    expect(without.failed).toEqual([
      {
        format: 'asff',
        key: 'findings.asff.json',
        error: expect.stringContaining('needs the AWS account, Region and partition'),
      },
    ]);
  });

  it('keeps writing the other formats when one cannot be stored', async () => {
    const store = memoryStore('findings.csv');
    const result = await writeFormats(sampleFindings(), ['csv', 'json'], store, opts);
    expect(result.written).toEqual(['findings.json']);
    expect(result.failed).toEqual([
      { format: 'csv', key: 'findings.csv', error: 'AccessDenied: put findings.csv' },
    ]);
  });

  it('draws the trend from the stored history and appends this run to it', async () => {
    const store = memoryStore();
    const findings = sampleFindings();
    const earlier = [
      {
        date: '2026-11-26',
        runId: 'r-26',
        counts: { pass: 5, fail: 12, unknown: 3, not_applicable: 0 },
      },
      {
        date: '2026-11-27',
        runId: 'r-27',
        counts: { pass: 6, fail: 10, unknown: 2, not_applicable: 1 },
      },
    ];
    await store.put('reports/history.json', JSON.stringify(earlier), 'application/json');
    const result = await writeFormats(findings, ['html'], store, {
      ...opts,
      historyKey: 'reports/history.json',
    });
    expect(result).toEqual({
      written: ['report.html', 'reports/history.json'],
      failed: [],
      historyProblems: [],
    });
    expect(store.objects.get('report.html')!.body).toContain('Trend over the last 3 runs');
    const history = JSON.parse(store.objects.get('reports/history.json')!.body);
    expect(history).toEqual([
      ...earlier,
      {
        date: '2026-11-28',
        runId: 'r1',
        counts: { pass: 8, fail: 9, unknown: 2, not_applicable: 1 },
      },
    ]);
    // The same run again replaces its entry instead of adding one.
    await writeFormats(findings, ['json'], store, { ...opts, historyKey: 'reports/history.json' });
    expect(JSON.parse(store.objects.get('reports/history.json')!.body)).toHaveLength(3);
  });

  it('names an unreadable history, still writes the report and starts a new history', async () => {
    const store = memoryStore();
    await store.put(
      'history.json',
      '[{"date":"2026-11-27","counts":{"pass":"many"}}]',
      'application/json',
    );
    const result = await writeFormats(sampleFindings(), ['html'], store, {
      ...opts,
      historyKey: 'history.json',
    });
    expect(result.written).toEqual(['report.html', 'history.json']);
    expect(result.historyProblems).toEqual([
      expect.stringMatching(/^history\.json is not a run history list: 0\.counts\.pass: /),
    ]);
    expect(JSON.parse(store.objects.get('history.json')!.body)).toHaveLength(1);
  });

  it('writes every format when the history cannot be read or stored', async () => {
    const base = memoryStore('reports/history.json');
    const store: ObjectStore = {
      ...base,
      async get(key) {
        if (key === 'reports/history.json')
          throw new Error('AccessDenied: get reports/history.json');
        return base.get(key);
      },
    };
    const result = await writeFormats(sampleFindings(), ['json', 'html'], store, {
      ...opts,
      historyKey: 'reports/history.json',
    });
    expect(result.written).toEqual(['findings.json', 'report.html']);
    expect(result.failed).toEqual([]);
    expect(result.historyProblems).toEqual([
      'reports/history.json could not be read: AccessDenied: get reports/history.json',
      'reports/history.json not stored: AccessDenied: put reports/history.json',
    ]);
  });
});
