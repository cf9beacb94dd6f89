import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runPublishJob } from './publish-child';
import { runBench } from './run-bench';

const USAGE = `npm run bench -- [--clusters N] [--latency MS] [--per-target N] [--large N] [--whole-scopes] [--cold-targets]
                     [--security-hub [--history-days N]]

Audits a synthetic sandbox estate of N clusters (default 1000) spread over AWS, GCP and Azure,
with MS milliseconds added to every API call (default 50), in this process with the production
concurrency settings. Prints one JSON object and writes it to bench/results/latest.json.
Discover lists every scope's clusters (no target for an empty region; every account has one),
and splits scopes of more than 25 clusters: --large N puts N of the AWS clusters in one region
(default 60); --whole-scopes skips the listing (one target per scope, as before splitting).
Objects shared by targets (an account's IAM, a Region's catalogs, a project's or subscription's
shared objects) are fetched once for the run, as in one warm Lambda environment serving every
target; --cold-targets gives every target fresh collectors instead, sharing nothing: the most
calls a deployed run makes, when no two targets of a scope meet in one warm environment.
The run's publish step is run again alone in a fresh process of this program (as the publish
Lambda starts), its own time and memory under publishAlone. --security-hub: that publish imports
into the sandbox's Security Hub (as a deployment does by default), and a second run over the
same estate a day later measures the lifecycle's steady state; both days report their Security
Hub calls by operation and what was imported. --history-days N (with --security-hub): the second
day's publish reads N days of runs for the report's continuous-compliance view (copies of the
first day's run linked in), as a deployment's publish does from its Nth day (30: the window).`;

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`--${name} must be a whole number, not "${value}"\n\n${USAGE}`);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    clusters: { type: 'string' },
    latency: { type: 'string' },
    'per-target': { type: 'string' },
    large: { type: 'string' },
    'whole-scopes': { type: 'boolean' },
    'cold-targets': { type: 'boolean' },
    'security-hub': { type: 'boolean' },
    'history-days': { type: 'string' },
    // Hidden: the publish child (`bench/publish-child.ts`).
    'publish-child': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
} else if (values['publish-child'] !== undefined) {
  await runPublishJob(values['publish-child']);
} else {
  const result = await runBench({
    clusters: Math.max(3, positive('clusters', values.clusters, 1000)),
    latencyMs: Math.max(1, positive('latency', values.latency, 50)),
    perTarget: Math.max(1, positive('per-target', values['per-target'], 10)),
    large: positive('large', values.large, 60),
    listing: values['whole-scopes'] !== true,
    coldTargets: values['cold-targets'] === true,
    securityHub: values['security-hub'] === true,
    historyDays: positive('history-days', values['history-days'], 0),
  });
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), text);
  process.stdout.write(text);
}
