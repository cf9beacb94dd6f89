import { commandLine } from './args';
import { type Command, EXIT } from './command';
import { complianceFromSource, SOURCE_OPTIONS, SOURCE_USAGE } from './compliance-source';
import { formatCompliance } from './compliance-table';

const USAGE = `Usage:
  mk8s-audit compliance --framework <id> --from <date> --to <date> (--store <dir> | --bucket <name>) [--json]

Continuous compliance over the run history: per requirement, the share of days on which every
mapped check passed on every in-scope cluster, the days and clusters that broke it, and (--json)
the findings and snapshots with their SHA-256.

${SOURCE_USAGE}
  --json              The full result as JSON.`;

export const complianceCommand: Command = {
  name: 'compliance',
  summary: 'Per framework requirement, the days of a period it was met, from the run history',
  async run(argv) {
    const args = commandLine(argv, USAGE, { ...SOURCE_OPTIONS, json: { type: 'boolean' } });
    if (args === undefined) return EXIT.ok;
    const { values } = args;
    const { report, label } = await complianceFromSource(values);
    process.stdout.write(
      values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatCompliance(report, label)}\n`,
    );
    return EXIT.ok;
  },
};
