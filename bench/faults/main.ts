import { renderTable } from '../../cli/table';
import { SAMPLE_ESTATE_FILE } from '../../sandbox/sample-estate';
import type { ScenarioReport } from './measure';
import { cleanBaseline, runScenario } from './run-scenario';
import { SCENARIOS } from './scenarios';

/**
 * `npm run faults [scenario...]`: the whole pipeline on the sample estate under each fault
 * scenario. Prints a table, then, last, the JSON array of the scenario reports. Exits 1 when a
 * scenario lost a finding, changed Security Hub wrongly or left a gap unexplained.
 */
async function main(): Promise<number> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !SCENARIOS.some((s) => s.name === w));
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown scenario ${unknown.join(', ')}; scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}\n`,
    );
    return 2;
  }
  const scenarios = SCENARIOS.filter((s) => wanted.length === 0 || wanted.includes(s.name));
  process.stdout.write('Baseline: a clean run of the sample estate...\n');
  const baseline = await cleanBaseline(SAMPLE_ESTATE_FILE);
  const reports: (ScenarioReport & { seconds: number })[] = [];
  for (const scenario of scenarios) {
    process.stdout.write(`Scenario ${scenario.name}: ${scenario.description}\n`);
    const started = Date.now();
    const { report } = await runScenario(scenario, baseline, SAMPLE_ESTATE_FILE);
    reports.push({ ...report, seconds: Math.round((Date.now() - started) / 100) / 10 });
  }
  const table = renderTable(
    [
      'scenario',
      'clusters',
      'findings',
      'lost',
      'wrong SH',
      'coverage',
      'targets ok/partial/failed',
      'outcome',
      'seconds',
    ],
    reports.map((r) => [
      r.scenario,
      `${r.clustersAudited}/${r.clustersExpected}`,
      `${r.findingsProduced}/${r.findingsExpected}`,
      String(r.findingsLost),
      String(r.wrongSecurityHubChanges),
      String(r.coverageFindings),
      `${r.targets.ok}/${r.targets.partial}/${r.targets.failed}`,
      r.outcome,
      r.seconds.toFixed(1),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'right'],
  );
  const notes = reports.flatMap((r) => r.notes.map((n) => `  ${r.scenario}: ${n}`));
  process.stdout.write(`\n${table}\n${notes.length > 0 ? `\n${notes.join('\n')}\n` : ''}\n`);
  const json = reports.map((r) => ({
    scenario: r.scenario,
    clustersExpected: r.clustersExpected,
    clustersAudited: r.clustersAudited,
    findingsExpected: r.findingsExpected,
    findingsProduced: r.findingsProduced,
    findingsLost: r.findingsLost,
    wrongSecurityHubChanges: r.wrongSecurityHubChanges,
    outcome: r.outcome,
  }));
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  return reports.some((r) => r.outcome === 'failed') ? 1 : 0;
}

process.exitCode = await main();
