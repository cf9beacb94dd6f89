import { join } from 'node:path';
import { parseCommandArgs } from './args';
import { type Command, EXIT } from './command';
import { printScanReport } from './scan-report';
import { runScan } from './scan-run';

/** The bundled sample exports (`samples/` at the project root). */
export const SAMPLES_DIR = join(import.meta.dirname, '..', 'samples');

const USAGE = `Usage:
  mk8s-audit start [--out <dir>]

Audits the bundled sample exports (samples/) and prints the summary; findings go to
<dir>/findings.json and the report to <dir>/report.html (default: out). This is what
\`npm start\` runs.`;

export const startCommand: Command = {
  name: 'start',
  summary: 'Audit the bundled samples and print the summary (what `npm start` runs)',
  async run(argv) {
    const { values } = parseCommandArgs(argv, { out: { type: 'string', short: 'o' } });
    if (values.help) {
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    process.stdout.write(`mk8s-audit: auditing the bundled sample exports in ${SAMPLES_DIR}\n\n`);
    const result = await runScan({
      inputs: [SAMPLES_DIR],
      outDir: values.out ?? 'out',
      formats: ['json', 'html'],
    });
    printScanReport(result);
    return result.exitCode;
  },
};
