import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEvidenceFiles } from '../../outputs/compliance/evidence-files';
import type { EvidenceManifest } from '../../outputs/compliance/manifest';
import { createFsStore } from '../../outputs/fs-store';
import { result, storeRun } from '../builders/run-history';
import { runCli } from '../cli-run';

const CHECKS = [
  'eks-endpoint-public-access',
  'eks-endpoint-public-cidrs-open',
  'eks-endpoint-private-access',
  'eks-cluster-sg-ingress',
];

let root: string;
let store: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mk8s-evidence-'));
  store = join(root, 'bucket');
  const s = createFsStore(store);
  // Three days: all four 1.4.4 checks pass on alpha on the 1st and 3rd; the 2nd has no run.
  for (const [date, status] of [
    ['2026-11-01', 'pass'],
    ['2026-11-03', 'pass'],
  ] as const) {
    await storeRun(s, {
      date,
      runId: `run-${date}`,
      findings: CHECKS.map((c) => result(c, 'alpha', status)),
    });
  }
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('mk8s-audit evidence', () => {
  it('writes the summaries, the objects they rest on and a manifest whose hashes match the files', async () => {
    const out = join(root, 'evidence');
    const run = await runCli([
      'evidence',
      '--framework',
      'pci-dss-4.0.1',
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-03',
      '--store',
      store,
      '--out',
      out,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Wrote \d+ files to .* \(8 history objects, 0 missing\)\.$/m);

    const manifest = JSON.parse(
      await readFile(join(out, 'manifest.json'), 'utf8'),
    ) as EvidenceManifest;
    expect(manifest).toMatchObject({
      format: 'mk8s-audit-evidence',
      framework: 'pci-dss-4.0.1',
      from: '2026-11-01',
      to: '2026-11-03',
    });
    // Every file but the manifest itself is listed, and every listed hash is the file's.
    const onDisk = (await filesUnder(out)).filter(
      (p) => p !== 'manifest.json' && p !== 'SHA256SUMS',
    );
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk);
    for (const f of manifest.files) {
      const body = await readFile(join(out, f.path));
      expect(sha(body), f.path).toBe(f.sha256);
      expect(body.length).toBe(f.bytes);
      if (f.sourceKey) expect(body.equals(await readFile(join(store, f.sourceKey)))).toBe(true);
    }
    const sums = await readFile(join(out, 'SHA256SUMS'), 'utf8');
    expect(sums.trim().split('\n')).toHaveLength(manifest.files.length);
    expect(sums).toContain(`  objects/runs/date=2026-11-01/run=run-2026-11-01/findings.json\n`);

    // 1.4.4: met on the 1st and 3rd, not evidenced on the 2nd (no run): 2 of 3 days.
    const csv = await readFile(join(out, 'summary.csv'), 'utf8');
    const row = csv.split('\r\n').find((l) => l.startsWith('pci-dss-4.0.1,1.4.4,'));
    expect(row).toContain(',2,3,66.67,0,1,0,,2026-11-02,,');
    const htmlPage = await readFile(join(out, 'summary.html'), 'utf8');
    expect(htmlPage).toContain('Compliance evidence: pci-dss-4.0.1');

    // A changed file no longer matches the manifest: what an auditor's check would catch.
    await writeFile(join(out, 'summary.csv'), `${csv}tampered\n`);
    const listed = manifest.files.find((f) => f.path === 'summary.csv');
    expect(sha(await readFile(join(out, 'summary.csv')))).not.toBe(listed?.sha256);
  });

  it('refuses a non-empty --out and a bad date with exit 2', async () => {
    const base = ['evidence', '--framework', 'soc2-2017', '--store', store];
    const full = await runCli([
      ...base,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-03',
      '--out',
      store,
    ]);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('is not empty');
    const bad = await runCli([
      ...base,
      '--from',
      '2026-02-30',
      '--to',
      '2026-11-03',
      '--out',
      join(root, 'x'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--from 2026-02-30: not a date');
  });

  it('does not copy an object that changed since it was read, and says so', async () => {
    const report = {
      framework: { id: 'f', title: 'F', version: '1' },
      from: '2026-11-01',
      to: '2026-11-01',
      days: ['2026-11-01'],
      daysWithRuns: ['2026-11-01'],
      incompleteRuns: [],
      manual: [],
      requirements: [
        {
          id: 'R',
          title: 'R',
          checks: ['eks-a'],
          compliantDays: 1,
          brokenDays: 0,
          notEvidencedDays: 0,
          noScopeDays: 0,
          auditedDays: 1,
          share: 1,
          brokenClusters: [],
          days: [
            {
              date: '2026-11-01',
              status: 'compliant' as const,
              runs: ['r'],
              breaches: [],
              gaps: [],
              evidence: [
                {
                  key: 'a.json',
                  kind: 'findings' as const,
                  sha256: sha(Buffer.from('old')),
                  bytes: 3,
                },
                {
                  key: 'b.json',
                  kind: 'snapshot' as const,
                  sha256: sha(Buffer.from('{}')),
                  bytes: 2,
                },
              ],
            },
          ],
        },
      ],
    };
    const objects: Record<string, string> = { 'a.json': 'new', 'b.json': '{}' };
    const built = await buildEvidenceFiles({
      report,
      store: { get: async (k) => objects[k] },
      source: 'test',
      generatedAt: new Date('2026-11-29T00:00:00Z'),
    });
    expect(built.missing).toEqual([
      'a.json changed since it was read (SHA-256 differs); not copied',
    ]);
    expect(built.files.map((f) => f.path)).toContain('objects/b.json');
    expect(built.files.map((f) => f.path)).not.toContain('objects/a.json');
  });
});
