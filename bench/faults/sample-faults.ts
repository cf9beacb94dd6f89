import { isCoverageGap } from '../../core/coverage';
import type { Finding } from '../../core/finding';
import { SAMPLE_ESTATE_FILE } from '../../sandbox/sample-estate';
import { type Baseline, cleanBaseline, runScenario, type ScenarioRun } from './run-scenario';
import { type FaultScenario, SCENARIOS } from './scenarios';

/** The scenario of that name (a name is a test's or a command line's typo otherwise). */
export function scenarioNamed(name: string): FaultScenario {
  const found = SCENARIOS.find((s) => s.name === name);
  if (!found) throw new Error(`no scenario ${name}`);
  return found;
}

/** A scenario's run with the coverage gaps of its faulted run picked out. */
export interface SampleScenarioRun extends ScenarioRun {
  gaps: Finding[];
}

/**
 * The fault scenarios on the sample estate: `prepare` runs the clean baseline once, then `run`
 * plays any scenario by name in a world of its own against it.
 */
export function sampleEstateFaults() {
  let baseline: Baseline | undefined;
  return {
    async prepare(): Promise<Baseline> {
      baseline = await cleanBaseline(SAMPLE_ESTATE_FILE);
      return baseline;
    },
    async run(name: string): Promise<SampleScenarioRun> {
      if (baseline === undefined) throw new Error('prepare the baseline before running a scenario');
      const run = await runScenario(scenarioNamed(name), baseline, SAMPLE_ESTATE_FILE);
      return { ...run, gaps: run.faulted.findings.filter(isCoverageGap) };
    },
  };
}
