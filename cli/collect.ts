import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { toSnapshotFile } from '../providers/snapshot-file';
import { commandLine } from './args';
import { collectLiveAws } from './aws-live';
import { type Command, EXIT, UsageError } from './command';
import { createScanProgress } from './progress';
import { formatProblems } from './scan-report';

const USAGE = `Usage:
  mk8s-audit collect --aws [--region <region>]... [--profile <name>] --out <snapshot.json>

Collects every EKS cluster of the caller's AWS account (default credential chain) with its
related objects into a snapshot file, without evaluating anything. \`mk8s-audit scan --input
<snapshot.json>\` audits it later, offline.

  --aws                 Collect from AWS (required: the only cloud collect knows for now).
  --region <region>     A region to collect (repeatable; default: the profile's region).
  --profile <name>      The AWS profile to use.
  --endpoint-url <url>  Send every AWS call to this URL (a local stand-in of the APIs).
  --out, -o <file>      The snapshot file to write.
  --quiet, -q           No progress line (shown on stderr only when it is a terminal).

Exit codes: 0 collected; 2 bad usage, or a region or cluster that could not be collected (named
on stderr; everything else is in the file).`;

export const collectCommand: Command = {
  name: 'collect',
  summary: 'Collect live AWS clusters into a snapshot file for a later offline scan',
  async run(argv) {
    const args = commandLine(argv, USAGE, {
      aws: { type: 'boolean' },
      region: { type: 'string', multiple: true },
      profile: { type: 'string' },
      'endpoint-url': { type: 'string' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
    });
    if (args === undefined) return EXIT.ok;
    const { values } = args;
    if (!values.aws) throw new UsageError('collect needs --aws');
    if (values.out === undefined) throw new UsageError('collect needs --out <snapshot.json>');
    const progress = createScanProgress(process.stderr, values.quiet === true);
    const live = await collectLiveAws(
      {
        regions: values.region ?? [],
        ...(values.profile === undefined ? {} : { profile: values.profile }),
        ...(values['endpoint-url'] === undefined ? {} : { endpoint: values['endpoint-url'] }),
      },
      progress,
    );
    progress.finish();
    await mkdir(dirname(values.out), { recursive: true });
    await writeFile(values.out, `${JSON.stringify(toSnapshotFile(live.snapshots), null, 2)}\n`);
    const n = live.snapshots.length;
    process.stdout.write(
      `Collected ${n} cluster${n === 1 ? '' : 's'} from ${live.targets.map((t) => `aws:${t.account}/${t.region}`).join(', ')} into ${values.out}\n`,
    );
    const problems = formatProblems(live.problems, 'collected');
    if (problems) process.stderr.write(`\n${problems}\n`);
    return live.problems.length > 0 ? EXIT.badInput : EXIT.ok;
  },
};
