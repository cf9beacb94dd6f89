import type { InputProblem } from './input-files';
import { mutelistLine } from './mutelist-file';
import type { ScanResult } from './scan-run';
import { formatSummary } from './summary-table';

/** The inputs that could not be read, one per line with the reason. */
export function formatProblems(
  problems: readonly InputProblem[],
  restWas: 'audited' | 'collected' = 'audited',
): string {
  if (problems.length === 0) return '';
  return [
    `${problems.length} input${problems.length === 1 ? '' : 's'} could not be read (the rest was ${restWas}):`,
    ...problems.map((p) => `  ${p.source}: ${p.reason}`),
  ].join('\n');
}

/** Prints a scan's summary to stdout and its unreadable inputs to stderr. */
export function printScanReport(result: ScanResult): void {
  const read = result.sources.length;
  process.stdout.write(
    `Scanned ${read} input${read === 1 ? '' : 's'}: ${formatSummary(result.summary)}\n\nFindings written to ${result.files.filter((f) => !f.endsWith('history.json')).join(', ')}\n`,
  );
  const m = result.mutelist;
  if (m) process.stdout.write(`${mutelistLine(m.source, m.asOf, m.entries, m.muted)}\n`);
  const problems = formatProblems(result.problems);
  if (problems) process.stderr.write(`\n${problems}\n`);
  for (const p of result.outputProblems) process.stderr.write(`\n${p}\n`);
}
