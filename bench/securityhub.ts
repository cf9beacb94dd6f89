import { parseArgs } from 'node:util';
import { runSecurityHubBench } from './securityhub-lifecycle';

const USAGE = `npm run bench:securityhub -- [--findings N] [--days D] [--changes C] [--churn-every K] [--fail-share F]

Runs a steady-state estate of N results (default 2000) through D simulated daily runs (default 30)
of the Security Hub lifecycle against the sandbox's Security Hub, with C results changing status
each day (default 10) and one cluster replaced every K days (default 10; 0: never), F of the
results failing (default 0.4). Prints one JSON object last: the ingestion events and calls of the
lifecycle against those of a full daily resend, and their ratio (the aim: at most 1/7).`;

const { values } = parseArgs({
  options: {
    findings: { type: 'string' },
    days: { type: 'string' },
    changes: { type: 'string' },
    'churn-every': { type: 'string' },
    'fail-share': { type: 'string' },
    seed: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

function num(name: string, value: string | undefined, fallback: number, min: number, max: number) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new Error(`--${name} must be a number from ${min} to ${max}, not "${value}"\n\n${USAGE}`);
  }
  return n;
}

if (values.help) {
  process.stdout.write(`${USAGE}\n`);
} else {
  const result = await runSecurityHubBench({
    findings: Math.round(num('findings', values.findings, 2000, 1, 100_000)),
    days: Math.round(num('days', values.days, 30, 1, 365)),
    changes: Math.round(num('changes', values.changes, 10, 0, 100_000)),
    churnEvery: Math.round(num('churn-every', values['churn-every'], 10, 0, 365)),
    failShare: num('fail-share', values['fail-share'], 0.4, 0, 1),
    seed: Math.round(num('seed', values.seed, 1, 0, 2 ** 31)),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
