import type { ObjectStore } from '../../pipeline/types';
import { type EvidenceManifest, type ManifestFile, sha256, sha256Sums } from './manifest';
import { complianceDaysCsv, complianceHtml, complianceSummaryCsv } from './render';
import type { ComplianceReport } from './types';

export interface EvidenceFile {
  path: string;
  body: Buffer;
  sourceKey?: string;
}

/**
 * The files of an evidence folder: the summaries, every history object the answers rest on
 * (copied as stored, under `objects/<key>`), and the manifest of hashes (`manifest.json`,
 * `SHA256SUMS`). An object that changed or vanished since it was read is reported, not copied.
 */
export async function buildEvidenceFiles(args: {
  report: ComplianceReport;
  store: Pick<ObjectStore, 'get'>;
  source: string;
  generatedAt: Date;
}): Promise<{ files: EvidenceFile[]; objects: number; missing: string[] }> {
  const { report } = args;
  const text = (s: string) => Buffer.from(s, 'utf8');
  const files: EvidenceFile[] = [
    { path: 'summary.csv', body: text(complianceSummaryCsv(report)) },
    { path: 'days.csv', body: text(complianceDaysCsv(report)) },
    { path: 'summary.html', body: text(complianceHtml(report, args.generatedAt)) },
    { path: 'compliance.json', body: text(`${JSON.stringify(report, null, 2)}\n`) },
  ];
  const wanted = new Map<string, string>();
  for (const r of report.requirements) {
    for (const d of r.days) for (const e of d.evidence) wanted.set(e.key, e.sha256);
  }
  const missing: string[] = [];
  let objects = 0;
  for (const [key, expected] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
    const body = await args.store.get(key);
    if (body === undefined) {
      missing.push(`${key} is no longer in the store`);
      continue;
    }
    const bytes = text(body);
    if (sha256(bytes) !== expected) {
      missing.push(`${key} changed since it was read (SHA-256 differs); not copied`);
      continue;
    }
    files.push({ path: `objects/${key}`, body: bytes, sourceKey: key });
    objects += 1;
  }
  const listed: ManifestFile[] = files.map((f) => ({
    path: f.path,
    sha256: sha256(f.body),
    bytes: f.body.length,
    ...(f.sourceKey ? { sourceKey: f.sourceKey } : {}),
  }));
  const manifest: EvidenceManifest = {
    format: 'mk8s-audit-evidence',
    version: 1,
    framework: report.framework.id,
    from: report.from,
    to: report.to,
    generatedAt: args.generatedAt.toISOString(),
    source: args.source,
    files: listed,
  };
  files.push({ path: 'manifest.json', body: text(`${JSON.stringify(manifest, null, 2)}\n`) });
  files.push({ path: 'SHA256SUMS', body: text(sha256Sums(listed)) });
  return { files, objects, missing };
}
