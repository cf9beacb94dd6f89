import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { buildEvidenceFiles } from '../outputs/compliance/evidence-files';
import { commandLine } from './args';
import { type Command, EXIT, InputError, UsageError } from './command';
import { complianceFromSource, SOURCE_OPTIONS, SOURCE_USAGE } from './compliance-source';

const USAGE = `Usage:
  mk8s-audit evidence --framework <id> --from <date> --to <date> (--store <dir> | --bucket <name>) --out <dir>

Writes an evidence folder for an auditor: summary.csv and summary.html (per requirement, the days
it was met, the days and clusters that broke it), days.csv (every requirement and day),
compliance.json (the full result), objects/ (the findings, snapshots and run summaries it rests
on, as stored), manifest.json and SHA256SUMS (the hash of every file; check with
'sha256sum -c SHA256SUMS' inside the folder).

${SOURCE_USAGE}
  --out <dir>         The folder to write; it must not exist or be empty.`;

async function emptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw new InputError(`--out ${dir}: ${(error as Error).message}`);
  }
}

export const evidenceCommand: Command = {
  name: 'evidence',
  summary: 'Write an evidence folder (summaries, findings, snapshots, hash manifest) for a period',
  async run(argv) {
    const args = commandLine(argv, USAGE, { ...SOURCE_OPTIONS, out: { type: 'string' } });
    if (args === undefined) return EXIT.ok;
    const { values } = args;
    if (values.out === undefined) throw new UsageError('--out <dir> is required');
    const out = values.out;
    if (!(await emptyOrMissing(out))) {
      throw new InputError(`--out ${out}: the folder is not empty; give a new or empty folder`);
    }
    const { report, store, label } = await complianceFromSource(values);
    const files = await buildEvidenceFiles({
      report,
      store,
      source: label,
      generatedAt: new Date(),
    });
    for (const f of files.files) {
      const path = join(out, ...f.path.split('/'));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, f.body);
    }
    const met = report.requirements.filter((r) => r.brokenDays === 0 && r.notEvidencedDays === 0);
    process.stdout.write(
      `${[
        `Wrote ${files.files.length} files to ${out} (${files.objects} history objects, ${files.missing.length} missing).`,
        `${report.framework.id} ${report.from}..${report.to}: ${met.length} of ${report.requirements.length} requirements met on every audited day.`,
        `Open ${join(out, 'summary.html')}; verify with: (cd ${out} && sha256sum -c SHA256SUMS)`,
        ...files.missing.map((m) => `warning: ${m}`),
      ].join('\n')}\n`,
    );
    return files.missing.length > 0 ? EXIT.badInput : EXIT.ok;
  },
};
