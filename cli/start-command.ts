import { relative } from 'node:path';
import { givenMutelist } from '../pipeline/mutelist-source';
import { commandLine } from './args';
import { type Command, EXIT } from './command';
import { mutelistLine, readMutelistFile } from './mutelist-file';
import { formatRunSummary } from './run-summary-report';

const USAGE = `Usage:
  mk8s-audit start [--out <dir>] [--estate <file>] [--mutelist <file>]

Runs a whole audit of a sample estate on this machine, with no credentials and no network:
the sandbox cloud (local stand-ins of the AWS, Google Cloud and Azure APIs) and a local S3
serve it, and the same discover -> audit -> publish steps as the deployed Lambda functions
collect, evaluate, store and import the findings into the sandbox's Security Hub.
Outputs go to <dir> (default: out). This is what \`npm start\` runs.

Options:
  -o, --out <dir>      where findings.json, run-summary.json and the run's objects go (default: out)
      --estate <file>  the estate to serve (default: sandbox/estates/sample.json)
      --mutelist <file>
                       accepted risks (JSON or YAML, docs/mutelist.md) that publish marks muted,
                       judged on the run's UTC day; muted failures reach Security Hub with
                       ProductFields mk8s-audit/muted=true`;

function whereToLook(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([path]) => path.length));
  return rows.map(([path, what]) => `  ${path.padEnd(width)}  ${what}`);
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Audit a sample estate on the local sandbox cloud, end to end (what `npm start` runs)',
  async run(argv) {
    const args = commandLine(argv, USAGE, {
      out: { type: 'string', short: 'o' },
      estate: { type: 'string' },
      mutelist: { type: 'string' },
    });
    if (args === undefined) return EXIT.ok;
    const { values } = args;
    // Loaded on use: the sandbox and its API models are not needed by the other commands.
    const { runStart, SAMPLE_ESTATE } = await import('./start-run');
    const estateFile = values.estate ?? SAMPLE_ESTATE;
    // Read before the run: a bad mutelist stops here with its errors (exit 2).
    const mutelistFile = values.mutelist;
    const mutelist =
      mutelistFile === undefined
        ? undefined
        : givenMutelist(await readMutelistFile(mutelistFile), mutelistFile);
    const started = Date.now();
    process.stdout.write(
      `mk8s-audit: auditing the estate ${relative(process.cwd(), estateFile)} on the local sandbox cloud (no credentials, no network)\n\n`,
    );
    const result = await runStart({
      estateFile,
      outDir: values.out ?? 'out',
      ...(mutelist ? { mutelist } : {}),
    });
    const m = result.summary.mutelist;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const lines = [
      formatRunSummary(result.summary),
      '',
      ...(m?.problem ? [`Mutelist not applied (nothing muted): ${m.problem}`, ''] : []),
      ...(m && !m.problem && m.asOf
        ? [mutelistLine(m.source, m.asOf, m.entries, m.muted), '']
        : []),
      ...(result.missingCollectors.length > 0
        ? [
            `Not audited: this build has no collector for ${result.missingCollectors.join(', ')}; those targets are reported as failed.`,
            '',
          ]
        : []),
      `Done in ${seconds} s. Where to look:`,
      ...whereToLook([
        [result.reportFile, 'the HTML report (open it in a browser)'],
        [result.findingsFile, 'every finding (the same format as `mk8s-audit scan`)'],
        [
          result.summaryFile,
          'counts per cloud, status and severity; targets; S3 keys; Security Hub counts',
        ],
        [
          `${result.objectsDir}/`,
          `the run as stored in S3 (${result.summary.keys.length} objects: snapshots, per-target results, OCSF, CSV)`,
        ],
      ]),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    return EXIT.ok;
  },
};
