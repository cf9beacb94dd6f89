import type { Finding } from '../../core/finding';
import type { Logger } from '../../core/logger';
import type { RunSummary } from '../../pipeline/run-summary';
import { measure, type ScenarioReport } from './measure';
import type { FaultScenario } from './scenarios';
import { type DayRun, runDay, securityHubState, startWorld } from './world';

/** The faulted run's day; the warm-up run is the day before. */
export const FAULT_DAY = new Date('2026-11-28T03:00:00.000Z');
export const DAY_BEFORE = new Date('2026-11-27T03:00:00.000Z');

export interface Baseline {
  findings: Finding[];
  summary: RunSummary;
}

/** A clean run of the estate on the faulted run's day: what every scenario should produce. */
export async function cleanBaseline(estateFile: string, logger?: Logger): Promise<Baseline> {
  const world = await startWorld(estateFile, logger);
  try {
    const { output, findings } = await runDay(world, { at: FAULT_DAY });
    return { findings, summary: output.published.summary };
  } finally {
    await world.stop();
  }
}

export interface ScenarioRun {
  report: ScenarioReport;
  faulted: DayRun;
}

/**
 * A scenario in a world of its own: the clean run of the day before (unless `warmup` is false),
 * then the faulted run, measured against the baseline and Security Hub's state.
 */
export async function runScenario(
  scenario: FaultScenario,
  baseline: Baseline,
  estateFile: string,
  logger?: Logger,
): Promise<ScenarioRun> {
  const world = await startWorld(estateFile, logger);
  try {
    if (scenario.warmup !== false) await runDay(world, { at: DAY_BEFORE });
    const hubBefore = securityHubState(world);
    for (const rule of scenario.faults ?? []) world.sandbox.faults.add(rule);
    if (scenario.s3WriteFailures) world.proxy.failNextWrites(scenario.s3WriteFailures);
    const faulted = await runDay(world, {
      at: FAULT_DAY,
      ...(scenario.unreachable ? { unreachable: scenario.unreachable } : {}),
      ...(scenario.targetTimeoutMs === undefined
        ? {}
        : { targetTimeoutMs: scenario.targetTimeoutMs }),
    });
    world.sandbox.faults.clear();
    const report = measure({
      scenario: scenario.name,
      baseline,
      run: { findings: faulted.findings, summary: faulted.output.published.summary },
      hubBefore,
      hubAfter: securityHubState(world),
      transient: scenario.transient,
    });
    if (scenario.s3WriteFailures && world.proxy.failed() < scenario.s3WriteFailures) {
      report.notes.push('the S3 fault never fired');
      report.outcome = 'failed';
    }
    return { report, faulted };
  } finally {
    await world.stop();
  }
}
