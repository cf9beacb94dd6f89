// Prints "N passed, N failed[, N skipped]" from a vitest JSON report; a missing report (the run
// stopped before the tests, e.g. at the type-check) counts as nothing run and fails.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 0 failed');
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
const line = `${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
console.log(line);
process.exit(r.numTotalTests > 0 ? 0 : 1);
